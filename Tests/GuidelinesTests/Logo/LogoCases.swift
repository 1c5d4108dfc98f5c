import Foundation

/// One generated test image.
struct LogoCase: Sendable, CustomStringConvertible {
    let name: String
    let bytes: [UInt8]
    var description: String { name }
}

/// The generated images, built once per test run (drawing and encoding them is the slow part).
enum LogoCases {
    static let positives: Result<[LogoCase], FixtureError> = {
        do { return .success(try makePositives()) } catch let error as FixtureError { return .failure(error) } catch {
            return .failure(FixtureError("\(error)"))
        }
    }()

    static let negatives: [LogoCase] = makeNegatives()

    static let expectedPositiveCount = 34

    // MARK: variants of the reference: must match

    static func makePositives() throws -> [LogoCase] {
        let reference = try LogoFixtures.referenceImage()
        var cases: [LogoCase] = []
        func add(_ name: String, _ bytes: [UInt8]?) throws {
            guard let bytes, !bytes.isEmpty else { throw FixtureError("could not encode \(name)") }
            cases.append(LogoCase(name: name, bytes: bytes))
        }

        for side in [64, 96, 128, 200, 300, 512] {
            try add("resized \(side) px PNG", reference.resized(longSide: side).png())
        }
        for (side, quality) in [(64, 40), (96, 40), (128, 40), (128, 60), (200, 40), (300, 60), (300, 85), (512, 40), (512, 85)] {
            try add("resized \(side) px JPEG q\(quality)", reference.resized(longSide: side).jpeg(quality: quality))
        }
        try add("GIF 200 px (256-colour palette)", reference.resized(longSide: 200).gif())

        let grey = reference.greyscale()
        try add("greyscale 256 px PNG", grey.resized(longSide: 256).png())
        try add("greyscale 180 px JPEG q60", grey.resized(longSide: 180).jpeg(quality: 60))
        try add("greyscale 64 px JPEG q40", grey.resized(longSide: 64).jpeg(quality: 40))

        for crop in [0.04, 0.05, 0.06] {
            let percent = Int(crop * 100)
            try add("border crop \(percent)% 256 px PNG", reference.cropped(left: crop, top: crop, right: crop, bottom: crop).resized(longSide: 256).png())
            try add("border crop \(percent)% 128 px JPEG q40", reference.cropped(left: crop, top: crop, right: crop, bottom: crop).resized(longSide: 128).jpeg(quality: 40))
        }
        try add("crop 6% left and top only 220 px JPEG q60", reference.cropped(left: 0.06, top: 0.06, right: 0, bottom: 0).resized(longSide: 220).jpeg(quality: 60))
        try add("greyscale, crop 4%, 200 px JPEG q50", grey.cropped(left: 0.04, top: 0.04, right: 0.04, bottom: 0.04).resized(longSide: 200).jpeg(quality: 50))

        // Posters: the logo file (with its white square) pasted at the given share of the area.
        try add("poster 600x800, noise, 25%, JPEG q70",
                poster(reference, width: 600, height: 800, coverage: 0.25, at: (0.5, 0.2), background: .noise(seed: 1)).jpeg(quality: 70))
        try add("poster 800x600, gradient, 30%, JPEG q65",
                poster(reference, width: 800, height: 600, coverage: 0.30, at: (0.1, 0.5), background: .gradient).jpeg(quality: 65))
        try add("poster 500x500, photo-like, 40%, PNG",
                poster(reference, width: 500, height: 500, coverage: 0.40, at: (0.8, 0.8), background: .photo(seed: 2)).png())
        try add("poster 420x594, photo-like, 27%, JPEG q45",
                poster(reference, width: 420, height: 594, coverage: 0.27, at: (0.5, 0.85), background: .photo(seed: 3)).jpeg(quality: 45))
        try add("LinkedIn banner 1200x628, gradient, 25%, JPEG q55",
                poster(reference, width: 1200, height: 628, coverage: 0.25, at: (0.05, 0.5), background: .gradient).jpeg(quality: 55))
        try add("greyscale poster 640x480, noise, 35%, JPEG q60",
                poster(reference, width: 640, height: 480, coverage: 0.35, at: (0.9, 0.1), background: .noise(seed: 4)).greyscale().jpeg(quality: 60))
        let cropped = reference.cropped(left: 0.06, top: 0.06, right: 0.06, bottom: 0.06)
        try add("banner 640x240, cropped 6% logo at 31%, PNG",
                poster(cropped, width: 640, height: 240, coverage: 0.31, at: (0.02, 0.5), background: .plain(RGB(r: 230, g: 236, b: 247))).png())
        return cases
    }

    enum Background {
        case plain(RGB)
        /// Uniform random pixels around mid-grey.
        case noise(seed: UInt64)
        /// A diagonal two-colour ramp.
        case gradient
        /// Smooth blotches at several scales, like an out-of-focus photo.
        case photo(seed: UInt64)
    }

    /// A canvas with the logo pasted at `coverage` of its area; `at` places the logo's centre
    /// as fractions of the free space. Title-like bars fill some of the rest.
    static func poster(_ logo: RGBImage, width: Int, height: Int, coverage: Double, at: (Double, Double), background: Background) -> RGBImage {
        var canvas = backgroundImage(width: width, height: height, background)
        let side = Int((coverage * Double(width * height)).squareRoot().rounded())
        let scaled = logo.resized(width: side * logo.width / max(logo.width, logo.height), height: side * logo.height / max(logo.width, logo.height))
        let x = Int(Double(width - scaled.width) * at.0), y = Int(Double(height - scaled.height) * at.1)
        // Text-like bars where the logo is not.
        var random = SeededRandom(seed: UInt64(width * 31 + height))
        for line in 0..<6 {
            let barY = Double(height) * (0.05 + 0.15 * Double(line))
            let barX = Double(width) * 0.05 + random.unit() * Double(width) * 0.1
            canvas.fillRect(x: barX, y: barY, width: Double(width) * (0.3 + 0.4 * random.unit()), height: Double(height) * 0.03, RGB(r: 20, g: 30, b: 60))
        }
        canvas.paste(scaled, x: x, y: y)
        return canvas
    }

    static func backgroundImage(width: Int, height: Int, _ background: Background) -> RGBImage {
        var canvas = RGBImage(width: width, height: height, fill: .white)
        switch background {
        case .plain(let c):
            canvas = RGBImage(width: width, height: height, fill: c)
        case .noise(let seed):
            var random = SeededRandom(seed: seed)
            for y in 0..<height {
                for x in 0..<width {
                    let v = 90 + random.unit() * 120
                    canvas.blend(x, y, RGB(r: v, g: v * 0.9 + random.unit() * 20, b: v * 0.8 + random.unit() * 40), 1)
                }
            }
        case .gradient:
            for y in 0..<height {
                for x in 0..<width {
                    let t = (Double(x) / Double(width) + Double(y) / Double(height)) / 2
                    canvas.blend(x, y, RGB(r: 250 - 200 * t, g: 180 - 60 * t, b: 60 + 180 * t), 1)
                }
            }
        case .photo(let seed):
            canvas = photoLike(width: width, height: height, seed: seed)
        }
        return canvas
    }

    /// Value noise: random grids at 4, 8 and 16 cells interpolated and summed, then tinted.
    static func photoLike(width: Int, height: Int, seed: UInt64) -> RGBImage {
        var random = SeededRandom(seed: seed)
        var values = [Double](repeating: 0, count: width * height)
        for (cells, weight) in [(4, 0.5), (8, 0.3), (16, 0.2)] {
            var grid = [Double](repeating: 0, count: (cells + 1) * (cells + 1))
            for i in grid.indices { grid[i] = random.unit() }
            for y in 0..<height {
                for x in 0..<width {
                    let gx = Double(x) / Double(width) * Double(cells), gy = Double(y) / Double(height) * Double(cells)
                    let x0 = min(Int(gx), cells - 1), y0 = min(Int(gy), cells - 1)
                    let tx = gx - Double(x0), ty = gy - Double(y0)
                    let sx = tx * tx * (3 - 2 * tx), sy = ty * ty * (3 - 2 * ty)
                    let a = grid[y0 * (cells + 1) + x0], b = grid[y0 * (cells + 1) + x0 + 1]
                    let c = grid[(y0 + 1) * (cells + 1) + x0], d = grid[(y0 + 1) * (cells + 1) + x0 + 1]
                    values[y * width + x] += weight * ((a + (b - a) * sx) * (1 - sy) + (c + (d - c) * sx) * sy)
                }
            }
        }
        var image = RGBImage(width: width, height: height, fill: .white)
        for y in 0..<height {
            for x in 0..<width {
                let v = values[y * width + x] * 255
                let grain = (random.unit() - 0.5) * 16
                image.blend(x, y, RGB(r: v * 0.9 + grain, g: v * 0.8 + 30 + grain, b: v * 0.6 + 50 + grain), 1)
            }
        }
        return image
    }

    // MARK: images that are not the logo: must not match

    static func makeNegatives() -> [LogoCase] {
        var cases: [LogoCase] = []
        func add(_ name: String, _ bytes: [UInt8]?) {
            // An encoder failure leaves the case out; `negativesAreComplete` checks the count.
            if let bytes, !bytes.isEmpty { cases.append(LogoCase(name: name, bytes: bytes)) }
        }
        add("blue emblem (disc, mountains, sun, text) 200 px PNG", mountainEmblem(side: 200, filled: true).png())
        add("blue emblem (disc, mountains, sun, text) 300 px JPEG q60", mountainEmblem(side: 300, filled: true).jpeg(quality: 60))
        add("blue emblem (disc, mountains, sun, text) 96 px JPEG q40", mountainEmblem(side: 96, filled: true).jpeg(quality: 40))
        add("blue emblem greyscale 220 px PNG", mountainEmblem(side: 220, filled: true).greyscale().png())
        add("blue ring emblem (outline, mountains, text) 256 px PNG", mountainEmblem(side: 256, filled: false).png())
        add("blue ring emblem 128 px JPEG q50", mountainEmblem(side: 128, filled: false).jpeg(quality: 50))
        add("blue emblem on poster 600x800 at 30%, JPEG q70",
            poster(mountainEmblem(side: 300, filled: true), width: 600, height: 800, coverage: 0.3, at: (0.5, 0.2), background: .noise(seed: 9)).jpeg(quality: 70))
        add("blue concentric-rings badge 256 px PNG", ringsBadge(side: 256).png())
        add("blue star seal 240 px JPEG q60", starSeal(side: 240).jpeg(quality: 60))
        add("gradient banner 640x240 PNG", gradient(width: 640, height: 240, radial: false).png())
        add("gradient banner 640x240 JPEG q40", gradient(width: 640, height: 240, radial: false).jpeg(quality: 40))
        add("radial gradient 400x400 PNG", gradient(width: 400, height: 400, radial: true).png())
        add("bar chart 500x350 PNG", barChart(width: 500, height: 350).png())
        add("bar chart 500x350 JPEG q60", barChart(width: 500, height: 350).jpeg(quality: 60))
        for seed in [UInt64(11), 12, 13] {
            add("random shapes seed \(seed) 480x320 PNG", randomShapes(width: 480, height: 320, seed: seed).png())
        }
        add("random shapes seed 14 300x300 JPEG q50", randomShapes(width: 300, height: 300, seed: 14).jpeg(quality: 50))
        for seed in [UInt64(21), 22, 23] {
            add("photo-like noise seed \(seed) 400x300 JPEG q75", photoLike(width: 400, height: 300, seed: seed).jpeg(quality: 75))
        }
        add("white noise 256x256 PNG", backgroundImage(width: 256, height: 256, .noise(seed: 31)).png())
        add("document-like text lines 400x500 PNG", textPage(width: 400, height: 500).png())
        return cases
    }

    static let expectedNegativeCount = 23

    /// A round blue badge that is not the logo: a filled disc (or a ring) with white
    /// mountains, a yellow sun and a text-like bar, like a hiking club's emblem.
    static func mountainEmblem(side: Int, filled: Bool) -> RGBImage {
        var image = RGBImage(width: side, height: side, fill: .white)
        let s = Double(side), c = s / 2, r = s * 0.46
        let blue = RGB(r: 20, g: 80, b: 160)
        let ink = filled ? RGB.white : blue
        if filled {
            image.fillCircle(cx: c, cy: c, radius: r, blue)
        } else {
            image.ring(cx: c, cy: c, radius: r, thickness: s * 0.04, blue)
        }
        image.fillTriangle((s * 0.18, s * 0.68), (s * 0.40, s * 0.30), (s * 0.62, s * 0.68), ink)
        image.fillTriangle((s * 0.45, s * 0.68), (s * 0.62, s * 0.42), (s * 0.82, s * 0.68), ink)
        image.fillCircle(cx: s * 0.66, cy: s * 0.24, radius: s * 0.07, RGB(r: 250, g: 200, b: 40))
        for i in 0..<4 {
            image.fillRect(x: s * (0.34 + 0.085 * Double(i)), y: s * 0.75, width: s * 0.065, height: s * 0.08, ink)
        }
        return image
    }

    /// Three concentric blue rings around a dot: round, blue, ringed, and still not the logo.
    static func ringsBadge(side: Int) -> RGBImage {
        var image = RGBImage(width: side, height: side, fill: .white)
        let s = Double(side), blue = RGB(r: 0, g: 83, b: 161)
        for (radius, thickness) in [(0.45, 0.05), (0.32, 0.05), (0.19, 0.05)] {
            image.ring(cx: s / 2, cy: s / 2, radius: s * radius, thickness: s * thickness, blue)
        }
        image.fillCircle(cx: s / 2, cy: s / 2, radius: s * 0.07, blue)
        return image
    }

    /// A blue disc with a ring of white dots and a white star: a seal-like emblem.
    static func starSeal(side: Int) -> RGBImage {
        var image = RGBImage(width: side, height: side, fill: .white)
        let s = Double(side), c = s / 2
        image.fillCircle(cx: c, cy: c, radius: s * 0.46, RGB(r: 10, g: 60, b: 150))
        for k in 0..<12 {
            let angle = Double(k) * Double.pi / 6
            image.fillCircle(cx: c + cos(angle) * s * 0.36, cy: c + sin(angle) * s * 0.36, radius: s * 0.03, .white)
        }
        for k in 0..<5 {
            let a0 = Double(k) * 2 * Double.pi / 5 - Double.pi / 2
            let tip = (c + cos(a0) * s * 0.25, c + sin(a0) * s * 0.25)
            let left = (c + cos(a0 + 2.5) * s * 0.1, c + sin(a0 + 2.5) * s * 0.1)
            let right = (c + cos(a0 - 2.5) * s * 0.1, c + sin(a0 - 2.5) * s * 0.1)
            image.fillTriangle(tip, left, right, .white)
        }
        image.fillCircle(cx: c, cy: c, radius: s * 0.1, .white)
        return image
    }

    static func gradient(width: Int, height: Int, radial: Bool) -> RGBImage {
        var image = RGBImage(width: width, height: height, fill: .white)
        for y in 0..<height {
            for x in 0..<width {
                let t: Double
                if radial {
                    let dx = Double(x) / Double(width) - 0.5, dy = Double(y) / Double(height) - 0.5
                    t = min(1, (dx * dx + dy * dy).squareRoot() * 2)
                } else {
                    t = Double(x) / Double(width - 1)
                }
                image.blend(x, y, RGB(r: 255 * (1 - t), g: 255 - 170 * t, b: 255 - 90 * t), 1)
            }
        }
        return image
    }

    static func barChart(width: Int, height: Int) -> RGBImage {
        var image = RGBImage(width: width, height: height, fill: .white)
        let w = Double(width), h = Double(height)
        for k in 1...4 {
            image.fillRect(x: w * 0.1, y: h * (0.85 - 0.18 * Double(k)), width: w * 0.85, height: 1, RGB(r: 210, g: 210, b: 210))
        }
        let heights = [0.35, 0.6, 0.45, 0.72, 0.5, 0.66]
        for (i, value) in heights.enumerated() {
            let color = i % 2 == 0 ? RGB(r: 0, g: 83, b: 161) : RGB(r: 90, g: 150, b: 210)
            image.fillRect(x: w * (0.14 + 0.13 * Double(i)), y: h * (0.85 - value), width: w * 0.09, height: h * value, color)
        }
        image.fillRect(x: w * 0.1, y: h * 0.85, width: w * 0.85, height: 2, .init(r: 0, g: 0, b: 0))
        image.fillRect(x: w * 0.1, y: h * 0.08, width: 2, height: h * 0.77, .init(r: 0, g: 0, b: 0))
        return image
    }

    static func randomShapes(width: Int, height: Int, seed: UInt64) -> RGBImage {
        var random = SeededRandom(seed: seed)
        var image = RGBImage(width: width, height: height, fill: RGB(r: 245, g: 245, b: 248))
        let w = Double(width), h = Double(height)
        for _ in 0..<18 {
            let color = RGB(r: random.unit() * 255, g: random.unit() * 255, b: random.unit() * 255)
            switch random.next() % 4 {
            case 0:
                image.fillRect(x: random.unit() * w, y: random.unit() * h, width: 10 + random.unit() * w * 0.4, height: 10 + random.unit() * h * 0.3, color)
            case 1:
                image.fillCircle(cx: random.unit() * w, cy: random.unit() * h, radius: 5 + random.unit() * h * 0.25, color)
            case 2:
                image.ring(cx: random.unit() * w, cy: random.unit() * h, radius: 10 + random.unit() * h * 0.3, thickness: 2 + random.unit() * 8, color)
            default:
                image.fillTriangle((random.unit() * w, random.unit() * h), (random.unit() * w, random.unit() * h), (random.unit() * w, random.unit() * h), color)
            }
        }
        return image
    }

    static func textPage(width: Int, height: Int) -> RGBImage {
        var random = SeededRandom(seed: 41)
        var image = RGBImage(width: width, height: height, fill: .white)
        var y = 20.0
        while y < Double(height) - 20 {
            var x = 20.0
            while x < Double(width) - 40 {
                let word = 12 + random.unit() * 40
                image.fillRect(x: x, y: y, width: word, height: 8, RGB(r: 30, g: 30, b: 30))
                x += word + 7
            }
            y += 16
        }
        return image
    }
}
