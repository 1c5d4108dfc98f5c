import CImages

/// GIF through giflib, first frame only (an animated logo shows it in its first frame as
/// often as not, and decoding every frame would multiply the cost).
///
/// giflib's DGif* calls return GIF_ERROR instead of jumping, and DGifOpen takes a read
/// callback, so the whole file is read from memory without a temporary file. DGifSlurp is
/// avoided on purpose: it decodes every frame and allocates each before any size check.
enum GIFDecoder {
    /// The read callback's view of the input. Lives on the stack of `decode` for the whole
    /// time giflib may call back.
    private struct Reader {
        let base: UnsafePointer<UInt8>
        let count: Int
        var offset: Int
    }

    static func decode(_ bytes: [UInt8], layout: PixelLayout, limits: ImageLimits) -> Result<DecodedImage, ImageDecodingError> {
        bytes.withUnsafeBufferPointer { buffer -> Result<DecodedImage, ImageDecodingError> in
            guard let base = buffer.baseAddress else { return .failure(.corrupt("empty GIF")) }
            var reader = Reader(base: base, count: buffer.count, offset: 0)
            return withUnsafeMutablePointer(to: &reader) { readerPointer in
                var error: Int32 = 0
                // giflib asks for exactly `length` bytes and treats a shorter answer as an error.
                let read: InputFunc = { gif, buffer, length in
                    guard let gif, let buffer, length > 0,
                          let reader = gif.pointee.UserData?.assumingMemoryBound(to: Reader.self) else { return 0 }
                    let available = min(Int(length), reader.pointee.count - reader.pointee.offset)
                    guard available > 0 else { return 0 }
                    buffer.update(from: reader.pointee.base + reader.pointee.offset, count: available)
                    reader.pointee.offset += available
                    return Int32(available)
                }
                guard let gif = DGifOpen(readerPointer, read, &error) else {
                    return .failure(.corrupt(describe(error)))
                }
                // DGifCloseFile frees the GifFileType and everything giflib allocated for it.
                defer {
                    var closeError: Int32 = 0
                    DGifCloseFile(gif, &closeError)
                }
                return firstFrame(gif, layout: layout, limits: limits)
            }
        }
    }

    private static func firstFrame(_ gif: UnsafeMutablePointer<GifFileType>, layout: PixelLayout, limits: ImageLimits) -> Result<DecodedImage, ImageDecodingError> {
        var transparentIndex = -1
        // A GIF is a sequence of records; extensions before the first image may carry its
        // transparency (graphics control block). Every loop turn consumes input, so the loop
        // is bounded by the file size.
        while true {
            var record = UNDEFINED_RECORD_TYPE
            guard DGifGetRecordType(gif, &record) == GIF_OK else { return .failure(.corrupt(describe(gif.pointee.Error))) }
            switch record {
            case IMAGE_DESC_RECORD_TYPE:
                guard DGifGetImageDesc(gif) == GIF_OK else { return .failure(.corrupt(describe(gif.pointee.Error))) }
                return readImage(gif, transparentIndex: transparentIndex, layout: layout, limits: limits)
            case EXTENSION_RECORD_TYPE:
                var code: Int32 = 0
                var block: UnsafeMutablePointer<GifByteType>?
                guard DGifGetExtension(gif, &code, &block) == GIF_OK else { return .failure(.corrupt(describe(gif.pointee.Error))) }
                if code == GRAPHICS_EXT_FUNC_CODE, let block, block[0] >= 4 {
                    var gcb = GraphicsControlBlock()
                    if DGifExtensionToGCB(Int(block[0]), block + 1, &gcb) == GIF_OK {
                        transparentIndex = Int(gcb.TransparentColor)
                    }
                }
                while block != nil {
                    guard DGifGetExtensionNext(gif, &block) == GIF_OK else { return .failure(.corrupt(describe(gif.pointee.Error))) }
                }
            case TERMINATE_RECORD_TYPE:
                return .failure(.corrupt("GIF without an image"))
            default:
                return .failure(.corrupt("unexpected GIF record"))
            }
        }
    }

    private static func readImage(_ gif: UnsafeMutablePointer<GifFileType>, transparentIndex: Int, layout: PixelLayout, limits: ImageLimits) -> Result<DecodedImage, ImageDecodingError> {
        let desc = gif.pointee.Image
        let frameWidth = Int(desc.Width), frameHeight = Int(desc.Height)
        let left = Int(desc.Left), top = Int(desc.Top)
        guard limits.admits(width: frameWidth, height: frameHeight) else {
            return .failure(.refused("\(frameWidth)x\(frameHeight) pixels"))
        }
        guard let colorMap = desc.ColorMap ?? gif.pointee.SColorMap,
              let colors = colorMap.pointee.Colors, colorMap.pointee.ColorCount > 0 else {
            return .failure(.corrupt("GIF without a colour table"))
        }
        let colorCount = Int(colorMap.pointee.ColorCount)

        // The first frame is drawn on the logical screen when the screen holds it; a screen
        // size that is absurd or smaller than the frame is ignored (as browsers do).
        let screenWidth = Int(gif.pointee.SWidth), screenHeight = Int(gif.pointee.SHeight)
        let useScreen = left + frameWidth <= screenWidth && top + frameHeight <= screenHeight
            && limits.admits(width: screenWidth, height: screenHeight)
        let width = useScreen ? screenWidth : frameWidth
        let height = useScreen ? screenHeight : frameHeight
        let originX = useScreen ? left : 0, originY = useScreen ? top : 0

        var indexes = [UInt8](repeating: 0, count: frameWidth * frameHeight)
        let rowOrder: [Int]
        if desc.Interlace {
            // GIF interlacing stores rows in four passes: every 8th from 0, every 8th from 4,
            // every 4th from 2, every 2nd from 1.
            var order: [Int] = []
            order.reserveCapacity(frameHeight)
            for (start, step) in [(0, 8), (4, 8), (2, 4), (1, 2)] {
                order.append(contentsOf: stride(from: start, to: frameHeight, by: step))
            }
            rowOrder = order
        } else {
            rowOrder = Array(0..<frameHeight)
        }
        let ok = indexes.withUnsafeMutableBufferPointer { out -> Bool in
            guard let base = out.baseAddress else { return false }
            for row in rowOrder where DGifGetLine(gif, base + row * frameWidth, Int32(frameWidth)) != GIF_OK {
                return false
            }
            return true
        }
        guard ok else { return .failure(.corrupt(describe(gif.pointee.Error))) }

        let channels = layout.channels
        var pixels = [UInt8](repeating: 255, count: width * height * channels)
        for y in 0..<frameHeight {
            let outRow = (originY + y) * width + originX
            for x in 0..<frameWidth {
                let index = Int(indexes[y * frameWidth + x])
                // Out-of-table indexes (a damaged file) and the transparent index stay white.
                guard index != transparentIndex, index < colorCount else { continue }
                let color = colors[index]
                let at = (outRow + x) * channels
                switch layout {
                case .grey:
                    let luma = 0.299 * Double(color.Red) + 0.587 * Double(color.Green) + 0.114 * Double(color.Blue)
                    pixels[at] = UInt8(min(255, max(0, luma.rounded())))
                case .rgb:
                    pixels[at] = color.Red
                    pixels[at + 1] = color.Green
                    pixels[at + 2] = color.Blue
                }
            }
        }
        return .success(DecodedImage(width: width, height: height, layout: layout, pixels: pixels))
    }

    private static func describe(_ error: Int32) -> String {
        if let text = GifErrorString(error) { return String(cString: text) }
        return "GIF error \(error)"
    }
}
