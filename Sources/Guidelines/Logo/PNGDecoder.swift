import CImages

/// PNG through libpng's simplified API (png_image_*). That API runs libpng's longjmp-based
/// error handling inside libpng itself (png_safe_execute) and reports failure as a zero return
/// with a message, so no jump ever crosses Swift frames. It handles every colour type, bit
/// depth, palette, tRNS and interlacing, and converts to 8-bit grey or RGB.
enum PNGDecoder {
    static func decode(_ bytes: [UInt8], layout: PixelLayout, limits: ImageLimits) -> Result<DecodedImage, ImageDecodingError> {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        // Releases libpng's reader on every path; png_image_free is a no-op once freed.
        defer { png_image_free(&image) }

        // The memory reader keeps a pointer into `bytes`: begin and finish both run inside
        // this one closure, where that pointer is valid.
        return bytes.withUnsafeBytes { raw -> Result<DecodedImage, ImageDecodingError> in
            guard let base = raw.baseAddress,
                  png_image_begin_read_from_memory(&image, base, raw.count) != 0 else {
                return .failure(.corrupt(message(of: image)))
            }
            let width = Int(image.width), height = Int(image.height)
            guard limits.admits(width: width, height: height) else {
                return .failure(.refused("\(width)x\(height) pixels"))
            }
            image.format = layout == .grey ? UInt32(PNG_FORMAT_GRAY) : UInt32(PNG_FORMAT_RGB)
            let stride = width * layout.channels
            // Pre-filled with white: with a white background colour too, transparent pixels end
            // up white whichever way libpng composes them.
            var pixels = [UInt8](repeating: 255, count: stride * height)
            var background = png_color(red: 255, green: 255, blue: 255)
            let finished = pixels.withUnsafeMutableBytes { out in
                png_image_finish_read(&image, &background, out.baseAddress, Int32(stride), nil)
            }
            guard finished != 0 else { return .failure(.corrupt(message(of: image))) }
            return .success(DecodedImage(width: width, height: height, layout: layout, pixels: pixels))
        }
    }

    private static func message(of image: png_image) -> String {
        var copy = image.message
        let text = withUnsafeBytes(of: &copy) { raw -> String in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
        return text.isEmpty ? "unreadable PNG" : text
    }
}
