import CImages
import Foundation
@testable import Guidelines
import Testing

/// Test images made in the tests themselves: variants of the shared reference logo and
/// drawings that must not match. The resampler here is deliberately not the matcher's (it
/// averages bilinear samples instead of exact pixel areas), so the tests do not grade the
/// matcher against its own arithmetic.
enum LogoFixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository (as in CI), or `$HEED_SHARED`.
    static var shared: URL {
        if let env = ProcessInfo.processInfo.environment["HEED_SHARED"], !env.isEmpty { return URL(fileURLWithPath: env) }
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var referenceURL: URL { shared.appendingPathComponent("corpus/guidelines/logo/reference.png") }

    static func referenceBytes() throws -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: referenceURL))
        } catch {
            throw FixtureError("cannot read \(referenceURL.path) (is ../shared beside the repository, or HEED_SHARED set?): \(error)")
        }
    }

    static func referenceImage() throws -> RGBImage {
        let bytes = try referenceBytes()
        guard case .success(let decoded) = ImageDecoder.decode(bytes, layout: .rgb) else {
            throw FixtureError("reference.png does not decode")
        }
        return RGBImage(width: decoded.width, height: decoded.height, pixels: decoded.pixels)
    }

    static func matcher(threshold: Double = LogoMatcher.defaultThreshold) throws -> LogoMatcher {
        guard let reference = LogoReference(imageBytes: try referenceBytes(), name: "reference") else {
            throw FixtureError("reference.png is not usable as a reference")
        }
        return LogoMatcher(references: [reference], threshold: threshold)
    }
}

extension Trait where Self == ConditionTrait {
    /// For tests that encode or decode JPEG: they run once Package.swift declares the
    /// CJPEGGuard target (LogoImageDecodingTests.jpegDecoderIsBuiltIn fails until then).
    static var needsJPEG: Self { .enabled(if: JPEGCodec.isAvailable, "JPEG needs the CJPEGGuard target in Package.swift") }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// SplitMix64: a small seeded generator, so every generated image is the same on every run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

struct RGB: Equatable {
    var r: Double, g: Double, b: Double
    static let white = RGB(r: 255, g: 255, b: 255)
    static let logoBlue = RGB(r: 0, g: 83, b: 161)
}

/// An 8-bit RGB raster with the drawing and editing operations the fixtures need.
struct RGBImage {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(width: Int, height: Int, fill: RGB) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) { set(i, fill) }
    }

    func color(_ x: Int, _ y: Int) -> RGB {
        let i = (y * width + x) * 3
        return RGB(r: Double(pixels[i]), g: Double(pixels[i + 1]), b: Double(pixels[i + 2]))
    }

    private mutating func set(_ index: Int, _ c: RGB) {
        pixels[index * 3] = UInt8(max(0, min(255, c.r.rounded())))
        pixels[index * 3 + 1] = UInt8(max(0, min(255, c.g.rounded())))
        pixels[index * 3 + 2] = UInt8(max(0, min(255, c.b.rounded())))
    }

    /// Blends `c` over pixel (x, y) with coverage `alpha` (0...1).
    mutating func blend(_ x: Int, _ y: Int, _ c: RGB, _ alpha: Double) {
        guard x >= 0, y >= 0, x < width, y < height, alpha > 0 else { return }
        let a = min(1, alpha), old = color(x, y)
        set(y * width + x, RGB(r: old.r + (c.r - old.r) * a, g: old.g + (c.g - old.g) * a, b: old.b + (c.b - old.b) * a))
    }

    // MARK: edits

    /// Bilinear samples averaged over each output pixel's footprint (k × k of them).
    func resized(width w: Int, height h: Int) -> RGBImage {
        var out = RGBImage(width: w, height: h, fill: .white)
        let sx = Double(width) / Double(w), sy = Double(height) / Double(h)
        let kx = max(1, Int(sx.rounded(.up))), ky = max(1, Int(sy.rounded(.up)))
        for y in 0..<h {
            for x in 0..<w {
                var acc = RGB(r: 0, g: 0, b: 0)
                for j in 0..<ky {
                    for i in 0..<kx {
                        let fx = (Double(x) + (Double(i) + 0.5) / Double(kx)) * sx - 0.5
                        let fy = (Double(y) + (Double(j) + 0.5) / Double(ky)) * sy - 0.5
                        let c = bilinear(fx, fy)
                        acc.r += c.r; acc.g += c.g; acc.b += c.b
                    }
                }
                let n = Double(kx * ky)
                out.set(y * w + x, RGB(r: acc.r / n, g: acc.g / n, b: acc.b / n))
            }
        }
        return out
    }

    private func bilinear(_ fx: Double, _ fy: Double) -> RGB {
        let x = min(max(fx, 0), Double(width - 1)), y = min(max(fy, 0), Double(height - 1))
        let x0 = min(Int(x), width - 1), y0 = min(Int(y), height - 1)
        let x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
        let tx = x - Double(x0), ty = y - Double(y0)
        func mix(_ a: RGB, _ b: RGB, _ t: Double) -> RGB { RGB(r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t) }
        return mix(mix(color(x0, y0), color(x1, y0), tx), mix(color(x0, y1), color(x1, y1), tx), ty)
    }

    func resized(longSide: Int) -> RGBImage {
        width >= height
            ? resized(width: longSide, height: max(1, height * longSide / width))
            : resized(width: max(1, width * longSide / height), height: longSide)
    }

    /// Rec. 601 luma in all three channels, as "convert to greyscale" in image editors.
    func greyscale() -> RGBImage {
        var out = self
        for i in 0..<(width * height) {
            let c = color(i % width, i / width)
            let y = 0.299 * c.r + 0.587 * c.g + 0.114 * c.b
            out.set(i, RGB(r: y, g: y, b: y))
        }
        return out
    }

    /// Removes the given fractions of the width/height from each side.
    func cropped(left: Double, top: Double, right: Double, bottom: Double) -> RGBImage {
        let x0 = Int((Double(width) * left).rounded()), y0 = Int((Double(height) * top).rounded())
        let x1 = width - Int((Double(width) * right).rounded()), y1 = height - Int((Double(height) * bottom).rounded())
        var out = RGBImage(width: x1 - x0, height: y1 - y0, fill: .white)
        for y in y0..<y1 {
            for x in x0..<x1 { out.set((y - y0) * out.width + (x - x0), color(x, y)) }
        }
        return out
    }

    mutating func paste(_ other: RGBImage, x: Int, y: Int) {
        for j in 0..<other.height {
            for i in 0..<other.width where x + i >= 0 && y + j >= 0 && x + i < width && y + j < height {
                set((y + j) * width + x + i, other.color(i, j))
            }
        }
    }

    // MARK: drawing (anti-aliased by distance to the edge)

    mutating func fillCircle(cx: Double, cy: Double, radius: Double, _ c: RGB) {
        for y in max(0, Int(cy - radius) - 1)...min(height - 1, Int(cy + radius) + 1) {
            for x in max(0, Int(cx - radius) - 1)...min(width - 1, Int(cx + radius) + 1) {
                let d = ((Double(x) + 0.5 - cx) * (Double(x) + 0.5 - cx) + (Double(y) + 0.5 - cy) * (Double(y) + 0.5 - cy)).squareRoot()
                blend(x, y, c, radius - d + 0.5)
            }
        }
    }

    mutating func ring(cx: Double, cy: Double, radius: Double, thickness: Double, _ c: RGB) {
        let outer = radius + thickness / 2, inner = radius - thickness / 2
        for y in max(0, Int(cy - outer) - 1)...min(height - 1, Int(cy + outer) + 1) {
            for x in max(0, Int(cx - outer) - 1)...min(width - 1, Int(cx + outer) + 1) {
                let d = ((Double(x) + 0.5 - cx) * (Double(x) + 0.5 - cx) + (Double(y) + 0.5 - cy) * (Double(y) + 0.5 - cy)).squareRoot()
                blend(x, y, c, min(outer - d + 0.5, d - inner + 0.5))
            }
        }
    }

    mutating func fillRect(x: Double, y: Double, width w: Double, height h: Double, _ c: RGB) {
        for py in max(0, Int(y))..<min(height, Int((y + h).rounded(.up))) {
            for px in max(0, Int(x))..<min(width, Int((x + w).rounded(.up))) {
                let cover = (min(Double(px + 1), x + w) - max(Double(px), x)) * (min(Double(py + 1), y + h) - max(Double(py), y))
                blend(px, py, c, cover)
            }
        }
    }

    mutating func fillTriangle(_ a: (Double, Double), _ b: (Double, Double), _ c: (Double, Double), _ color: RGB) {
        let minX = max(0, Int(min(a.0, b.0, c.0))), maxX = min(width - 1, Int(max(a.0, b.0, c.0)) + 1)
        let minY = max(0, Int(min(a.1, b.1, c.1))), maxY = min(height - 1, Int(max(a.1, b.1, c.1)) + 1)
        guard minX <= maxX, minY <= maxY else { return }
        func edge(_ p: (Double, Double), _ q: (Double, Double), _ x: Double, _ y: Double) -> Double {
            (q.0 - p.0) * (y - p.1) - (q.1 - p.1) * (x - p.0)
        }
        let area = edge(a, b, c.0, c.1)
        guard area != 0 else { return }
        for y in minY...maxY {
            for x in minX...maxX {
                let px = Double(x) + 0.5, py = Double(y) + 0.5
                let w0 = edge(b, c, px, py) / area, w1 = edge(c, a, px, py) / area, w2 = edge(a, b, px, py) / area
                if w0 >= 0 && w1 >= 0 && w2 >= 0 { blend(x, y, color, 1) }
            }
        }
    }

    // MARK: encoders

    func png() -> [UInt8] { LogoEncoders.png(pixels, width: width, height: height, channels: 3) }

    func jpeg(quality: Int) -> [UInt8]? {
        JPEGCodec.encode(DecodedImage(width: width, height: height, layout: .rgb, pixels: pixels), quality: quality)
    }

    func gif() -> [UInt8] { LogoEncoders.gif(self) }
}

/// PNG (libpng's simplified write API) and GIF (giflib) encoders for fixtures.
enum LogoEncoders {
    static func png(_ pixels: [UInt8], width: Int, height: Int, channels: Int) -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        switch channels {
        case 1: image.format = UInt32(PNG_FORMAT_GRAY)
        case 4: image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
        default: image.format = UInt32(PNG_FORMAT_RGB)
        }
        defer { png_image_free(&image) }
        var size = 0
        guard pixels.withUnsafeBytes({ png_image_write_to_memory(&image, nil, &size, 0, $0.baseAddress, 0, nil) }) != 0 else { return [] }
        var out = [UInt8](repeating: 0, count: size)
        let ok = out.withUnsafeMutableBytes { dst in
            pixels.withUnsafeBytes { png_image_write_to_memory(&image, dst.baseAddress, &size, 0, $0.baseAddress, 0, nil) }
        }
        return ok != 0 ? Array(out.prefix(size)) : []
    }

    /// A 256-colour GIF: a 6×6×6 colour cube plus 40 greys, nearest colour per pixel.
    static func gif(_ image: RGBImage) -> [UInt8] {
        var palette: [GifColorType] = []
        for r in 0..<6 { for g in 0..<6 { for b in 0..<6 { palette.append(GifColorType(Red: UInt8(r * 51), Green: UInt8(g * 51), Blue: UInt8(b * 51))) } } }
        for i in 0..<40 { let v = UInt8(i * 255 / 39); palette.append(GifColorType(Red: v, Green: v, Blue: v)) }
        var indexes = [UInt8](repeating: 0, count: image.width * image.height)
        for y in 0..<image.height {
            for x in 0..<image.width {
                let c = image.color(x, y)
                var best = 0, bestDistance = Double.infinity
                for (i, p) in palette.enumerated() {
                    let d = (c.r - Double(p.Red)) * (c.r - Double(p.Red)) + (c.g - Double(p.Green)) * (c.g - Double(p.Green)) + (c.b - Double(p.Blue)) * (c.b - Double(p.Blue))
                    if d < bestDistance { bestDistance = d; best = i }
                }
                indexes[y * image.width + x] = UInt8(best)
            }
        }
        return gif(indexes: indexes, width: image.width, height: image.height, palette: palette)
    }

    /// A one-frame GIF from palette indexes (rows top to bottom), through giflib's encoder.
    /// `palette.count` must be a power of two from 2 to 256.
    static func gif(indexes: [UInt8], width: Int, height: Int, palette: [GifColorType],
                    interlaced: Bool = false, transparentIndex: Int? = nil) -> [UInt8] {
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        var error: Int32 = 0
        let write: OutputFunc = { gif, data, length in
            guard let gif, let data, let user = gif.pointee.UserData else { return 0 }
            Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return length
        }
        guard let gif = EGifOpen(unmanaged.toOpaque(), write, &error) else { return [] }
        var colors = palette
        let map = colors.withUnsafeMutableBufferPointer { GifMakeMapObject(Int32($0.count), $0.baseAddress) }
        defer { GifFreeMapObject(map) }
        EGifSetGifVersion(gif, true)
        var ok = EGifPutScreenDesc(gif, Int32(width), Int32(height), 8, 0, map) == GIF_OK
        if ok, let transparentIndex {
            var gcb = GraphicsControlBlock(DisposalMode: 0, UserInputFlag: false, DelayTime: 0, TransparentColor: Int32(transparentIndex))
            var block = [GifByteType](repeating: 0, count: 4)
            let length = EGifGCBToExtension(&gcb, &block)
            ok = EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, Int32(length), block) == GIF_OK
        }
        ok = ok && EGifPutImageDesc(gif, 0, 0, Int32(width), Int32(height), interlaced, nil) == GIF_OK
        if ok {
            var rows = Array(0..<height)
            if interlaced {
                rows = [(0, 8), (4, 8), (2, 4), (1, 2)].flatMap { stride(from: $0.0, to: height, by: $0.1) }
            }
            var pixels = indexes
            ok = pixels.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return false }
                for row in rows where EGifPutLine(gif, base + row * width, Int32(width)) != GIF_OK { return false }
                return true
            }
        }
        var closeError: Int32 = 0
        let closed = EGifCloseFile(gif, &closeError) == GIF_OK
        return ok && closed ? sink.bytes : []
    }
}
