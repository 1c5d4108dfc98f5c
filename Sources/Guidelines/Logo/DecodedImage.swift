// Image decoding for the logo check: PNG (libpng), JPEG (libjpeg-turbo), GIF (giflib, first
// frame), all from Debian -dev packages through the CImages module.
//
// Why these three C libraries rather than libvips: they are the reference decoders for their
// formats, already on every mail relay, and each offers a memory-input API whose errors come
// back as return codes (libpng's simplified API, giflib's DGif* calls; libjpeg through the
// small setjmp guard in the CJPEGGuard target). libvips would bring GLib, a thread pool and
// many more formats (and attack surface) than a mail filter needs.
//
// Every decoder checks the declared size against `ImageLimits` right after the header, before
// allocating pixel memory, and turns corrupt data into a `ImageDecodingError`, never a crash.

/// How many channels a decoded image has.
enum PixelLayout: Sendable, Equatable {
    /// One byte per pixel: luma (JPEG's Y, libpng's grey conversion, Rec. 601 for GIF palettes).
    case grey
    /// Three bytes per pixel, R G B.
    case rgb

    var channels: Int { self == .grey ? 1 : 3 }
}

/// An 8-bit raster, rows top to bottom. Transparent pixels are composited onto white: logos
/// with a transparent background are nearly always shown on white.
struct DecodedImage: Sendable {
    let width: Int
    let height: Int
    let layout: PixelLayout
    let pixels: [UInt8]
    /// The size stored in the file; larger than width × height when a JPEG was decoded with DCT
    /// scaling.
    let storedWidth: Int
    let storedHeight: Int

    init(width: Int, height: Int, layout: PixelLayout, pixels: [UInt8], storedWidth: Int? = nil, storedHeight: Int? = nil) {
        self.width = width
        self.height = height
        self.layout = layout
        self.pixels = pixels
        self.storedWidth = storedWidth ?? width
        self.storedHeight = storedHeight ?? height
    }
}

/// Bounds checked before any pixel memory is allocated.
public struct ImageLimits: Sendable, Equatable {
    /// Largest accepted width × height as declared in the file header.
    public var maxPixels: Int
    /// Largest accepted width or height.
    public var maxSide: Int
    /// Largest accepted encoded size.
    public var maxBytes: Int

    /// 40 megapixels is above any camera or poster a person mails, and bounds the transient
    /// memory of one decode (libpng's simplified API needs the whole raster: 40 MB in grey).
    public init(maxPixels: Int = 40_000_000, maxSide: Int = 30_000, maxBytes: Int = 50 * 1024 * 1024) {
        self.maxPixels = maxPixels
        self.maxSide = maxSide
        self.maxBytes = maxBytes
    }

    func admits(width: Int, height: Int) -> Bool {
        width > 0 && height > 0 && width <= maxSide && height <= maxSide && width <= maxPixels / height
    }
}

enum ImageFormat: String, Sendable, Equatable {
    case png, jpeg, gif

    /// The format from the file's own signature. The declared media type is not trusted:
    /// mail clients label images `application/octet-stream`, or by file extension.
    static func sniff(_ bytes: [UInt8]) -> ImageFormat? {
        if bytes.count >= 8, bytes[0] == 0x89, bytes[1] == 0x50, bytes[2] == 0x4E, bytes[3] == 0x47,
           bytes[4] == 0x0D, bytes[5] == 0x0A, bytes[6] == 0x1A, bytes[7] == 0x0A {
            return .png
        }
        if bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return .jpeg }
        if bytes.count >= 6, bytes[0] == 0x47, bytes[1] == 0x49, bytes[2] == 0x46, bytes[3] == 0x38,
           bytes[4] == 0x37 || bytes[4] == 0x39, bytes[5] == 0x61 {
            return .gif
        }
        return nil
    }
}

enum ImageDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a PNG, JPEG or GIF signature.
    case unknownFormat
    /// Well-formed enough to read a size, but over the limits.
    case refused(String)
    /// The decoder reported damaged or unsupported data.
    case corrupt(String)
    /// This build has no JPEG decoder (see JPEGCodec.swift).
    case unsupported(String)

    var description: String {
        switch self {
        case .unknownFormat: "not a PNG, JPEG or GIF"
        case .refused(let why): "refused: \(why)"
        case .corrupt(let why): "corrupt: \(why)"
        case .unsupported(let why): "unsupported: \(why)"
        }
    }
}

enum ImageDecoder {
    /// Decodes PNG, JPEG or GIF (first frame).
    /// - minSide: a hint that the caller needs no more than this many pixels on the shorter
    ///   side; JPEG then decodes at 1/2, 1/4 or 1/8 size (DCT scaling), which makes large photos
    ///   cheap. Other formats ignore it. 0 asks for full size.
    static func decode(_ bytes: [UInt8], layout: PixelLayout, limits: ImageLimits = ImageLimits(),
                       minSide: Int = 0) -> Result<DecodedImage, ImageDecodingError> {
        guard bytes.count <= limits.maxBytes else {
            return .failure(.refused("\(bytes.count) bytes"))
        }
        switch ImageFormat.sniff(bytes) {
        case .png: return PNGDecoder.decode(bytes, layout: layout, limits: limits)
        case .jpeg: return JPEGCodec.decode(bytes, layout: layout, limits: limits, minSide: minSide)
        case .gif: return GIFDecoder.decode(bytes, layout: layout, limits: limits)
        case nil: return .failure(.unknownFormat)
        }
    }
}

extension DecodedImage {
    /// Intensities in 0...1. RGB is reduced with Rec. 601 weights, as JPEG's Y and most
    /// "greyscale" conversions do, so a colour logo and its greyscale copy give the same plane.
    ///
    /// When the shorter side exceeds `2 × shorterSide`, blocks of k × k pixels are averaged on
    /// the way (k the largest factor keeping the shorter side at least `shorterSide`), so a
    /// 40-megapixel PNG never becomes a 160 MB plane of floats.
    func greyPlane(atLeast shorterSide: Int) -> Plane {
        let k = shorterSide > 0 ? max(1, min(width, height) / shorterSide) : 1
        let w = (width + k - 1) / k, h = (height + k - 1) / k
        var sums = [Float](repeating: 0, count: w * h)
        var counts = [Float](repeating: 0, count: w * h)
        let channels = layout.channels
        pixels.withUnsafeBufferPointer { p in
            sums.withUnsafeMutableBufferPointer { sums in
                counts.withUnsafeMutableBufferPointer { counts in
                    // Block by block along each row: every cell still adds its pixels row by row,
                    // left to right, as a plain pass over the pixels would.
                    for y in 0..<height {
                        let row = (y / k) * w
                        for block in 0..<w {
                            let cell = row + block
                            var x = block * k
                            let end = min(width, x + k)
                            while x < end {
                                let i = (y * width + x) * channels
                                let luma: Float = channels == 1
                                    ? Float(p[i])
                                    : 0.299 * Float(p[i]) + 0.587 * Float(p[i + 1]) + 0.114 * Float(p[i + 2])
                                sums[cell] += luma
                                counts[cell] += 1
                                x += 1
                            }
                        }
                    }
                }
            }
        }
        for i in sums.indices { sums[i] /= counts[i] * 255 }
        return Plane(width: w, height: h, values: sums)
    }
}
