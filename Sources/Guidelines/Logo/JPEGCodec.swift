#if canImport(CJPEGGuard)
import CJPEGGuard
#endif

/// JPEG through libjpeg-turbo, via the CJPEGGuard C target.
///
/// libjpeg's default error handler calls exit(); its documented recovery is a longjmp out of
/// a custom error_exit, which needs a setjmp in the caller. Swift cannot setjmp, so the decode
/// loop lives in a few lines of C (Sources/CJPEGGuard) that return status codes. Without that
/// target this build refuses JPEG rather than risk a corrupt attachment ending the milter.
enum JPEGCodec {
    /// Refuse progressive files with more scans than this: a real photo has about ten, and
    /// each extra scan can cost a full pass over the coefficients (a known CPU exhaustion).
    static let maxScans: UInt32 = 100

    #if canImport(CJPEGGuard)
    static let isAvailable = true

    static func decode(_ bytes: [UInt8], layout: PixelLayout, limits: ImageLimits, minSide: Int) -> Result<DecodedImage, ImageDecodingError> {
        var image = heed_jpeg_image()
        defer { heed_jpeg_free(&image) }
        let status = bytes.withUnsafeBufferPointer { buffer in
            heed_jpeg_decode(buffer.baseAddress, buffer.count, layout == .grey ? 1 : 0,
                             UInt(clamping: limits.maxPixels), UInt32(clamping: limits.maxSide),
                             UInt32(clamping: max(0, minSide)), maxScans, &image)
        }
        guard status == 0, let pixels = image.pixels else {
            // jpeg_guard.c words its size refusals "refused: <width>x<height> pixels".
            let why = message(of: image)
            let refusal = "refused: "
            return .failure(why.hasPrefix(refusal) ? .refused(String(why.dropFirst(refusal.count))) : .corrupt(why))
        }
        let width = Int(image.width), height = Int(image.height), channels = Int(image.components)
        guard channels == layout.channels else { return .failure(.corrupt("\(channels) components")) }
        let copy = [UInt8](UnsafeBufferPointer(start: pixels, count: width * height * channels))
        return .success(DecodedImage(width: width, height: height, layout: layout, pixels: copy,
                                     storedWidth: Int(image.stored_width), storedHeight: Int(image.stored_height)))
    }

    /// Baseline JPEG at `quality` (1...100); nil when libjpeg refuses. The tests use it to make
    /// recompressed variants of the reference.
    static func encode(_ image: DecodedImage, quality: Int) -> [UInt8]? {
        var out: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let status = image.pixels.withUnsafeBufferPointer { buffer in
            heed_jpeg_encode(buffer.baseAddress, UInt32(clamping: image.width), UInt32(clamping: image.height),
                             UInt32(image.layout.channels), Int32(clamping: quality), &out, &size)
        }
        defer { heed_jpeg_free_buffer(out) }
        guard status == 0, let out else { return nil }
        return [UInt8](UnsafeBufferPointer(start: out, count: Int(size)))
    }

    private static func message(of image: heed_jpeg_image) -> String {
        var copy = image.message
        let text = withUnsafeBytes(of: &copy) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        return text.isEmpty ? "unreadable JPEG" : text
    }
    #else
    static let isAvailable = false

    static func decode(_ bytes: [UInt8], layout: PixelLayout, limits: ImageLimits, minSide: Int) -> Result<DecodedImage, ImageDecodingError> {
        .failure(.unsupported("JPEG needs the CJPEGGuard target"))
    }

    static func encode(_ image: DecodedImage, quality: Int) -> [UInt8]? { nil }
    #endif
}
