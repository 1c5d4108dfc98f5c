import CEtPan

/// The body of a reply, written by libetpan's MIME builder: a multipart/alternative with a
/// UTF-8 text/plain and a text/html part, each quoted-printable, separated by `boundary`.
///
/// libetpan writes the part headers, the quoted-printable encoding and the boundary lines;
/// the boundary is always heed's own (libetpan would otherwise draw one from its never-seeded
/// `random()`). The top-level header, which carries values from the question, stays in
/// `MessageBuilder` where every byte of it is checked.
///
/// Memory: every libetpan object made here is freed before returning, on every path; the
/// texts are copied into buffers that outlive the write, because `mailmime_set_body_text`
/// only points at them.
enum MIMEBody {
    struct BuildFailure: Error {}

    static func write(text: String, html: String, boundary: String) throws -> [UInt8] {
        let textBuffer = CBuffer(crlf(text))
        let htmlBuffer = CBuffer(crlf(html))
        defer {
            textBuffer.free()
            htmlBuffer.free()
        }
        guard let content = mailmime_content_new_with_str("multipart/alternative") else { throw BuildFailure() }
        guard addParameter(content, "boundary", boundary), let fields = mailmime_fields_new_empty() else {
            mailmime_content_free(content)
            throw BuildFailure()
        }
        guard let root = mailmime_new_empty(content, fields) else {
            mailmime_content_free(content)
            mailmime_fields_free(fields)
            throw BuildFailure()
        }
        defer { mailmime_free(root) }
        for (type, buffer) in [("text/plain", textBuffer), ("text/html", htmlBuffer)] {
            guard let part = textPart(type, buffer) else { throw BuildFailure() }
            guard mailmime_smart_add_part(root, part) == Int32(MAILIMF_NO_ERROR) else {
                mailmime_free(part)
                throw BuildFailure()
            }
        }
        guard let output = mmap_string_new("") else { throw BuildFailure() }
        defer { mmap_string_free(output) }
        var column: Int32 = 0
        guard mailmime_write_mem(output, &column, root) == Int32(MAILIMF_NO_ERROR), let bytes = output.pointee.str
        else { throw BuildFailure() }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self),
            count: output.pointee.len))
    }

    /// A text part pointing at `buffer`; nil (with everything freed) if libetpan fails.
    private static func textPart(_ type: String, _ buffer: CBuffer) -> UnsafeMutablePointer<mailmime>? {
        guard let content = mailmime_content_new_with_str(type) else { return nil }
        guard addParameter(content, "charset", "utf-8"),
            let fields = mailmime_fields_new_encoding(Int32(MAILMIME_MECHANISM_QUOTED_PRINTABLE))
        else {
            mailmime_content_free(content)
            return nil
        }
        guard let part = mailmime_new_empty(content, fields) else {
            mailmime_content_free(content)
            mailmime_fields_free(fields)
            return nil
        }
        guard mailmime_set_body_text(part, buffer.pointer, buffer.count) == Int32(MAILIMF_NO_ERROR) else {
            mailmime_free(part)
            return nil
        }
        return part
    }

    /// Appends `name=value` to a content type's parameters (libetpan copies both strings).
    private static func addParameter(_ content: UnsafeMutablePointer<mailmime_content>, _ name: String, _ value: String)
        -> Bool
    {
        let parameter = name.withCString { name in
            value.withCString { value in
                mailmime_param_new_with_data(UnsafeMutablePointer(mutating: name), UnsafeMutablePointer(mutating: value))
            }
        }
        guard let parameter, let list = content.pointee.ct_parameters else {
            if let parameter { mailmime_parameter_free(parameter) }
            return false
        }
        guard clist_insert_after(list, list.pointee.last, parameter) == 0 else {
            mailmime_parameter_free(parameter)
            return false
        }
        return true
    }

    /// CRLF line ends, which libetpan's quoted-printable encoder keeps as hard line breaks.
    static func crlf(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A && previous != 0x0D { out.append(0x0D) }
            if previous == 0x0D && byte != 0x0A { out.append(0x0A) }
            out.append(byte)
            previous = byte
        }
        if previous == 0x0D { out.append(0x0A) }
        return out
    }

    /// A malloc'd copy of some bytes that libetpan may point at until `free()`.
    private struct CBuffer {
        let pointer: UnsafeMutablePointer<CChar>
        let count: Int

        init(_ bytes: [UInt8]) {
            count = bytes.count
            pointer = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, bytes.count))
            bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress { UnsafeMutableRawPointer(pointer).copyMemory(from: base, byteCount: raw.count) }
            }
        }

        func free() { pointer.deallocate() }
    }
}
