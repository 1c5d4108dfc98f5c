import CImages
import Foundation
@testable import Guidelines
import Testing

@Suite struct LogoImageDecodingTests {
    /// A 4×3 picture with distinct colours, to check decoders pixel by pixel.
    static let small: RGBImage = {
        var image = RGBImage(width: 4, height: 3, fill: .white)
        let colors = [RGB(r: 255, g: 0, b: 0), RGB(r: 0, g: 255, b: 0), RGB(r: 0, g: 0, b: 255), RGB(r: 0, g: 0, b: 0),
                      RGB(r: 10, g: 20, b: 30), RGB(r: 200, g: 100, b: 50), RGB(r: 128, g: 128, b: 128), RGB(r: 255, g: 255, b: 0)]
        for (i, c) in colors.enumerated() { image.blend(i % 4, i / 4, c, 1) }
        return image
    }()

    static func decoded(_ bytes: [UInt8], _ layout: PixelLayout = .rgb, limits: ImageLimits = ImageLimits(), minSide: Int = 0) -> DecodedImage? {
        if case .success(let image) = ImageDecoder.decode(bytes, layout: layout, limits: limits, minSide: minSide) { return image }
        return nil
    }

    static func failure(_ bytes: [UInt8], limits: ImageLimits = ImageLimits()) -> ImageDecodingError? {
        if case .failure(let error) = ImageDecoder.decode(bytes, layout: .grey, limits: limits) { return error }
        return nil
    }

    // MARK: well-formed files

    @Test func pngDecodesExactlyInRGBAndGrey() throws {
        let bytes = Self.small.png()
        #expect(ImageFormat.sniff(bytes) == .png)
        let rgb = try #require(Self.decoded(bytes))
        #expect(rgb.width == 4 && rgb.height == 3 && rgb.layout == .rgb)
        #expect(rgb.pixels == Self.small.pixels)
        let grey = try #require(Self.decoded(bytes, .grey))
        #expect(grey.pixels.count == 12)
        // White stays white, black black, mid-grey mid-grey, and blue is darker than green.
        #expect(grey.pixels[8] == 255 && grey.pixels[3] == 0)
        #expect(abs(Int(grey.pixels[6]) - 128) <= 2)
        #expect(grey.pixels[2] < grey.pixels[1])
    }

    @Test func pngTransparencyBecomesWhite() throws {
        // RGBA: an opaque red pixel and a fully transparent black one.
        let bytes = LogoEncoders.png([255, 0, 0, 255, 0, 0, 0, 0], width: 2, height: 1, channels: 4)
        let rgb = try #require(Self.decoded(bytes))
        #expect(rgb.pixels == [255, 0, 0, 255, 255, 255])
    }

    @Test(.needsJPEG)
    func jpegDecodesCloseToTheSource() throws {
        var image = RGBImage(width: 64, height: 48, fill: .white)
        image.fillRect(x: 0, y: 0, width: 32, height: 48, RGB(r: 0, g: 83, b: 161))
        let bytes = try #require(image.jpeg(quality: 90))
        #expect(ImageFormat.sniff(bytes) == .jpeg)
        let rgb = try #require(Self.decoded(bytes))
        #expect(rgb.width == 64 && rgb.height == 48)
        let left = rgb.pixels[(24 * 64 + 8) * 3 + 2], right = rgb.pixels[(24 * 64 + 56) * 3]
        #expect(abs(Int(left) - 161) < 12 && right > 240)
        let grey = try #require(Self.decoded(bytes, .grey))
        #expect(grey.pixels.count == 64 * 48)
    }

    @Test(.needsJPEG)
    func largeJPEGDecodesAtReducedSizeWhenAsked() throws {
        let image = LogoCases.photoLike(width: 1024, height: 768, seed: 5)
        let bytes = try #require(image.jpeg(quality: 70))
        // 768 / 4 = 192 ≥ 128, 768 / 8 = 96 < 128: a quarter of the size.
        let scaled = try #require(Self.decoded(bytes, .grey, minSide: 128))
        #expect(scaled.width == 256 && scaled.height == 192)
        #expect(scaled.storedWidth == 1024 && scaled.storedHeight == 768)
        let full = try #require(Self.decoded(bytes, .grey))
        #expect(full.width == 1024 && full.height == 768)
    }

    @Test func gifDecodesFirstFramePaletteAndInterlace() throws {
        let palette = (0..<4).map { GifColorType(Red: UInt8($0 * 80), Green: UInt8(255 - $0 * 80), Blue: 7) }
        let width = 5, height = 11
        let indexes = (0..<(width * height)).map { UInt8(($0 * 7 + $0 / width) % 4) }
        for interlaced in [false, true] {
            let bytes = LogoEncoders.gif(indexes: indexes, width: width, height: height, palette: palette, interlaced: interlaced)
            #expect(ImageFormat.sniff(bytes) == .gif)
            let rgb = try #require(Self.decoded(bytes), "interlaced: \(interlaced)")
            #expect(rgb.width == width && rgb.height == height)
            let expected = indexes.flatMap { [palette[Int($0)].Red, palette[Int($0)].Green, palette[Int($0)].Blue] }
            #expect(rgb.pixels == expected, "interlaced: \(interlaced)")
        }
    }

    @Test func gifTransparentIndexBecomesWhite() throws {
        let palette = [GifColorType(Red: 0, Green: 0, Blue: 0), GifColorType(Red: 0, Green: 83, Blue: 161)]
        let bytes = LogoEncoders.gif(indexes: [0, 1, 0, 1], width: 2, height: 2, palette: palette, transparentIndex: 0)
        let rgb = try #require(Self.decoded(bytes))
        #expect(rgb.pixels == [255, 255, 255, 0, 83, 161, 255, 255, 255, 0, 83, 161])
    }

    // MARK: limits, checked before allocating

    @Test func limitsRefuseLargeImagesOfEveryFormat() throws {
        let image = RGBImage(width: 300, height: 200, fill: RGB(r: 1, g: 2, b: 3))
        let limits = ImageLimits(maxPixels: 50_000, maxSide: 10_000)
        var files = [image.png(), image.gif()]
        if JPEGCodec.isAvailable { files.append(try #require(image.jpeg(quality: 80))) }
        for bytes in files {
            guard case .refused = Self.failure(bytes, limits: limits) else {
                Issue.record("\(String(describing: ImageFormat.sniff(bytes))) was not refused: \(String(describing: Self.failure(bytes, limits: limits)))")
                continue
            }
        }
        #expect(Self.failure(image.png(), limits: ImageLimits(maxPixels: 1_000_000, maxSide: 250)) == .refused("300x200 pixels"))
        #expect(Self.failure(image.png(), limits: ImageLimits(maxBytes: 10)) != nil)
    }

    /// A PNG header announcing 50 000 × 50 000 pixels (2.5 gigapixels) in a 60-byte file.
    static func hugePNG(width: UInt32, height: UInt32) -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
        }
        let header = bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
            + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]) + chunk("IEND", [])
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }

    @Test func hugeDimensionHeadersAreRefusedWithoutAllocating() throws {
        #expect(Self.failure(Self.hugePNG(width: 50_000, height: 50_000)) == .refused("50000x50000 pixels"))
        // Beyond libpng's own limit (a million pixels per row): libpng reports it.
        #expect(Self.failure(Self.hugePNG(width: 2_000_000, height: 1)) != nil)
        #expect(Self.failure(Self.hugePNG(width: 0, height: 10)) != nil)

        // GIF: logical screen and frame of 65535 × 65535.
        var gif: [UInt8] = Array("GIF89a".utf8) + [0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0, 0] + [0, 0, 0, 255, 255, 255]
        gif += [0x2C, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x00] + [0x02, 0x02, 0x44, 0x01, 0x00, 0x3B]
        guard case .refused = Self.failure(gif) else {
            Issue.record("huge GIF: \(String(describing: Self.failure(gif)))")
            return
        }

        // JPEG: a real file whose frame header is patched to 60000 × 60000.
        if JPEGCodec.isAvailable {
            var jpeg = try #require(RGBImage(width: 16, height: 16, fill: .white).jpeg(quality: 80))
            let sof = try #require((0..<(jpeg.count - 9)).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
            jpeg.replaceSubrange((sof + 5)...(sof + 8), with: [0xEA, 0x60, 0xEA, 0x60])
            #expect(Self.failure(jpeg) == .refused("60000x60000 pixels"))
        }
    }

    // MARK: damaged input: an error, never a crash

    @Test func truncatedFilesAreErrors() throws {
        let logo = try LogoFixtures.referenceImage().resized(longSide: 120)
        var files: [(String, [UInt8])] = [("PNG", logo.png()), ("GIF", logo.gif())]
        if JPEGCodec.isAvailable { files.append(("JPEG", try #require(logo.jpeg(quality: 60)))) }
        for (name, bytes) in files {
            let whole = Self.decoded(bytes) != nil
            #expect(whole, "\(name) whole")
            // Cuts that leave every pixel may decode: GIF stops after the first frame's pixels,
            // and libpng does not need the 12-byte IEND chunk. Cuts into the pixels must fail.
            let end = switch name {
            case "GIF": bytes.count * 6 / 10
            case "PNG": bytes.count - 12
            default: bytes.count - 1
            }
            let cuts = Array(stride(from: 0, to: end, by: max(1, bytes.count / 40))) + [end - 1]
            for cut in cuts {
                let refused = Self.decoded(Array(bytes.prefix(cut))) == nil
                #expect(refused, "\(name) cut at \(cut) of \(bytes.count)")
            }
        }
    }

    @Test func garbageIsAnError() {
        let garbage: [[UInt8]] = [
            [], [0x89], Array("not an image at all".utf8),
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0x41, count: 200),
            [0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0x00, count: 200),
            Array("GIF89a".utf8) + [UInt8](repeating: 0xFF, count: 200),
        ]
        for bytes in garbage {
            #expect(Self.failure(bytes) != nil, "\(bytes.prefix(8))")
        }
        #expect(Self.failure(Array("hello".utf8)) == .unknownFormat)
    }

    /// Seeded mutations of valid files (bytes overwritten, runs deleted, lengths changed): the
    /// decoders may succeed or fail, but must return, with sizes that match the pixels.
    @Test func mutatedFilesNeverCrash() throws {
        let logo = try LogoFixtures.referenceImage().resized(longSide: 64)
        var files = [logo.png(), logo.gif()]
        if JPEGCodec.isAvailable { files.append(try #require(logo.jpeg(quality: 50))) }
        var random = SeededRandom(seed: 2024)
        var decodedCount = 0
        for original in files {
            for _ in 0..<150 {
                var bytes = original
                for _ in 0..<(1 + Int(random.next() % 4)) {
                    // Keep the signature so the mutation reaches the decoder.
                    let at = 8 + Int(random.next() % UInt64(bytes.count - 8))
                    switch random.next() % 3 {
                    case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                    case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(random.next() % 16)))
                    default: bytes.insert(contentsOf: [0xFF, UInt8(truncatingIfNeeded: random.next())], at: at)
                    }
                    if bytes.count <= 9 { break }
                }
                for layout in [PixelLayout.grey, .rgb] {
                    if let image = Self.decoded(bytes, layout) {
                        decodedCount += 1
                        #expect(image.pixels.count == image.width * image.height * layout.channels)
                    }
                }
            }
        }
        // Some mutations land in places a decoder tolerates (ancillary data, entropy-coded bits).
        #expect(decodedCount > 0)
    }

    @Test func jpegDecoderIsBuiltIn() {
        // Fails until Package.swift declares the CJPEGGuard target and Guidelines depends on
        // it: without it, JPEG attachments are not checked for the logo at all.
        #expect(JPEGCodec.isAvailable, "add the CJPEGGuard target to Package.swift (see Sources/CJPEGGuard)")
    }
}
