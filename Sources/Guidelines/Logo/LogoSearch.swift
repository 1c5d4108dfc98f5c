/// The multi-scale search for one reference in one image.
///
/// Method: normalised cross-correlation (NCC) of grey intensities between the reference's
/// template and windows of the image, over a bounded set of window sizes and every position,
/// coarse (16 cells on the long side) then fine (32 cells) around the best coarse peaks.
///
/// Why NCC on grey intensities:
/// - It is invariant to brightness and contrast (affine changes of intensity), which covers a
///   greyscale copy of a colour logo: with luma on both sides, a two-tone logo stays a
///   two-tone pattern and only its contrast changes.
/// - Both sides are area-averaged down to the cell grid, which removes what resizing and JPEG
///   recompression change (fine detail, ringing, 8×8 block edges) and keeps the logo's layout
///   of rings, bars and lettering. A perceptual hash (dHash/pHash) compares the same coarse
///   layout but quantises it to bits; NCC keeps a graded score that is easy to reason about
///   (1 = identical up to contrast) and to set a threshold on with a measured margin.
/// - Windows are drawn around the logo's ink (see PreparedReference.contentBox) and their size
///   is searched, so a logo with its margin cropped and a logo pasted on a poster are the same
///   problem as a plain resized copy: find the window that wraps the ink. A crop that cuts
///   into the ink makes the logo larger than the picture; windows may then reach past the
///   edges and are compared on their visible part only (masked NCC).
///
/// Why it does not match other round emblems, charts, gradients or noise: a high correlation
/// needs the thin outer ring, the inner ring, the bar and the lettering in the same places; a
/// filled disc, concentric rings, bars, a ramp or texture line up with part of that at best.
/// The threshold and its measured margins are in LogoMatcher.swift.
///
/// Bounded cost: the image is first area-averaged to `analysisSide` pixels on its shorter
/// side (one linear pass; JPEG is already decoded at 1/2–1/8 size by libjpeg), the window
/// sizes are a geometric series capped at `maxScales`, the coarse pass visits every position
/// of a grid on which the window is 16 cells (about 51 cells across a square picture at the
/// smallest window), and only `keep` coarse peaks are refined. The work after the first pass
/// does not grow with the image.
enum LogoSearch {
    static let coarseSide = 16
    static let fineSide = 32
    /// Shorter side of the analysis raster. A logo covering a quarter of the image then spans
    /// at least 64 px, twice the fine grid.
    static let analysisSide = 128
    /// Smallest fraction of the image the logo's ink box may cover. The requirement is a logo
    /// covering a quarter of a poster; its ink box (without margin) is smaller, and 10 % keeps
    /// a margin below that.
    static let minCoverage = 0.10
    /// How far (as a share of the picture's shorter side) a window may reach past each edge:
    /// a border crop of up to 6 % of the picture that cuts into the ink needs 6 / 0.88 ≈ 7 %.
    static let borderAllowance = 0.08
    /// Ratio between successive window sizes (7 %): the fine pass covers ± 5 % around each.
    static let scaleStep = 1.07
    static let maxScales = 24
    /// Coarse peaks refined at the fine grid.
    static let keep = 6
    /// Windows whose standard deviation is below this (on 0...1) are flat: no logo there, and
    /// their correlation would only measure noise.
    static let minSpread: Double = 0.04

    /// The best window: correlation, and position/size in analysis-raster pixels.
    struct Hit: Sendable {
        var score: Double
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    /// A coarse pass whose best window stays below this is not searched finely when only a
    /// match matters (`LogoMatcher.match`): the fine pass is most of the cost. Measured on the
    /// generated images (LogoMatcherTests.coarseRejectionKeepsItsMargin): the variants of the
    /// reference score 0.64 to 0.999 at the coarse pass (logos pasted on posters lowest, 0.96 to
    /// 0.996 after the fine pass), images that are nothing like the logo (photos, gradients,
    /// charts, text) 0 to 0.4, look-alike emblems up to 0.51. 0.4 stays 0.24 below the lowest
    /// variant: only images plainly unlike the logo are given up, and `evaluate` never gives up.
    static let coarseGiveUp = 0.4

    /// The best window, or nil when the image is too small to search or, with `giveUpBelow`,
    /// when no coarse window reaches it.
    static func search(_ image: Plane, _ reference: PreparedReference, giveUpBelow: Double? = nil) -> Hit? {
        guard let (peaks, reach) = coarsePass(image, reference) else { return nil }
        if let giveUpBelow, (peaks.first?.score ?? -2) < giveUpBelow { return nil }
        return refined(image, reference, peaks: peaks, reach: reach)
    }

    /// The coarse pass's peaks, best first, and how far windows may reach past the edges; nil
    /// when the image is too small to search.
    static func coarsePass(_ image: Plane, _ reference: PreparedReference) -> (peaks: [Hit], reach: Double)? {
        // Window size per unit of `long` (the window's longer side).
        let unitW = reference.aspect >= 1 ? 1 : reference.aspect
        let unitH = reference.aspect >= 1 ? 1 / reference.aspect : 1
        let imageW = Double(image.width), imageH = Double(image.height)
        let reach = Double(min(image.width, image.height)) * borderAllowance
        let longest = min((imageW + 2 * reach) / unitW, (imageH + 2 * reach) / unitH)
        let shortest = min(longest, (minCoverage * imageW * imageH / (unitW * unitH)).squareRoot())
        guard longest * min(unitW, unitH) >= Double(coarseSide) / 2 else { return nil }

        var peaks: [Hit] = []
        var long = longest
        var scales = 0
        while long >= shortest * 0.999, scales < maxScales {
            peaks.append(contentsOf: coarsePeaks(image, reference.coarse, long: long, reach: reach, unitW: unitW, unitH: unitH))
            long /= scaleStep
            scales += 1
        }
        peaks.sort { $0.score > $1.score }
        return (peaks, reach)
    }

    /// The fine pass around the best coarse peaks.
    private static func refined(_ image: Plane, _ reference: PreparedReference, peaks: [Hit], reach: Double) -> Hit? {
        let imageW = Double(image.width), imageH = Double(image.height)
        var best: Hit?
        for peak in peaks.prefix(keep) {
            guard let hit = refine(image, reference.fine, around: peak, reach: reach) else { continue }
            if hit.score > (best?.score ?? -2) { best = hit }
        }
        guard var best else { return nil }
        // Report only the part of the window inside the picture.
        let x0 = max(0, best.x), y0 = max(0, best.y)
        best.width = min(imageW, best.x + best.width) - x0
        best.height = min(imageH, best.y + best.height) - y0
        best.x = x0
        best.y = y0
        return best
    }

    /// The two best separated positions at one window size, in analysis-raster coordinates.
    private static func coarsePeaks(_ image: Plane, _ template: CorrelationTemplate, long: Double, reach: Double, unitW: Double, unitH: Double) -> [Hit] {
        let factor = Double(coarseSide) / long
        let w = max(1, Int((Double(image.width) * factor).rounded()))
        let h = max(1, Int((Double(image.height) * factor).rounded()))
        let grid = image.resampled(width: w, height: h)
        let cells = Int((reach * factor).rounded(.down))
        let map = correlate(grid, template, beyond: Sides(all: cells))
        guard !map.scores.isEmpty else { return [] }
        let sx = Double(image.width) / Double(w), sy = Double(image.height) / Double(h)
        var found: [Hit] = []
        for _ in 0..<2 {
            var bestIndex = -1
            var bestScore = -2.0
            for (i, s) in map.scores.enumerated() where s > bestScore {
                let (px, py) = map.position(i)
                // The second peak must be at least half a window from the first.
                let separated = found.allSatisfy { hit in
                    abs(Double(px) * sx - hit.x) >= long * unitW / 2 || abs(Double(py) * sy - hit.y) >= long * unitH / 2
                }
                if separated { bestScore = s; bestIndex = i }
            }
            guard bestIndex >= 0 else { break }
            let (px, py) = map.position(bestIndex)
            found.append(Hit(score: bestScore, x: Double(px) * sx, y: Double(py) * sy, width: long * unitW, height: long * unitH))
        }
        return found
    }

    /// Searches sizes within ± 5 % and positions within about ± 15 % of a coarse peak at the
    /// fine grid. Both the grid and the fine template are smoothed by a [1 2 1] kernel: at 32
    /// cells the logo's strokes are one or two cells wide, and without it a quarter-cell
    /// misalignment (which no finite set of window positions avoids) costs several points of
    /// correlation; with it, variants score 0.96–1.0 whatever their alignment.
    private static func refine(_ image: Plane, _ template: CorrelationTemplate, around peak: Hit, reach: Double) -> Hit? {
        var best: Hit?
        let marginX = peak.width * 0.15, marginY = peak.height * 0.15
        let x0 = max(0, Int((peak.x - marginX).rounded(.down))), y0 = max(0, Int((peak.y - marginY).rounded(.down)))
        let x1 = min(image.width, Int((peak.x + peak.width + marginX).rounded(.up)))
        let y1 = min(image.height, Int((peak.y + peak.height + marginY).rounded(.up)))
        guard x1 > x0, y1 > y0 else { return nil }
        let region = image.cropped(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        for change in [0.95, 0.975, 1.0, 1.025, 1.05] {
            let width = peak.width * change, height = peak.height * change
            let factor = Double(template.width) / width
            let w = max(1, Int((Double(region.width) * factor).rounded())), h = max(1, Int((Double(region.height) * factor).rounded()))
            let grid = region.resampled(width: w, height: h).smoothed()
            // Windows may reach past the region's sides only where those are the picture's.
            let cells = Int((reach * factor).rounded(.down))
            let beyond = Sides(left: x0 == 0 ? cells : 0, top: y0 == 0 ? cells : 0,
                               right: x1 == image.width ? cells : 0, bottom: y1 == image.height ? cells : 0)
            let map = correlate(grid, template, beyond: beyond)
            guard let (i, s) = map.scores.enumerated().max(by: { $0.element < $1.element }) else { continue }
            if s > (best?.score ?? -2) {
                let (px, py) = map.position(i)
                let sx = Double(region.width) / Double(w), sy = Double(region.height) / Double(h)
                best = Hit(score: s, x: Double(x0) + Double(px) * sx, y: Double(y0) + Double(py) * sy, width: width, height: height)
            }
        }
        return best
    }

    /// How many cells a window may reach past each side of the grid.
    struct Sides {
        var left = 0, top = 0, right = 0, bottom = 0
        init(all: Int) { left = all; top = all; right = all; bottom = all }
        init(left: Int, top: Int, right: Int, bottom: Int) {
            self.left = left
            self.top = top
            self.right = right
            self.bottom = bottom
        }
    }

    /// Correlation at every window position, row by row; positions start `beyond.left` cells
    /// left of and `beyond.top` above the grid (so they may be negative).
    struct ScoreMap {
        var scores: [Double]
        let columns: Int
        let originX: Int
        let originY: Int
        func position(_ index: Int) -> (x: Int, y: Int) { (index % columns + originX, index / columns + originY) }
    }

    /// A window must show at least this share of the template inside the picture: a border
    /// crop of 7 % of the logo on every side leaves 0.86² ≈ 74 %.
    static let minVisible = 0.7

    /// NCC of the template at every position. A window reaching past an edge is compared on
    /// its visible part only (the template's matching cells, re-centred and re-normalised):
    /// whatever lies beyond a cropped edge is unknown, not white.
    ///
    /// The dot products, nearly all the work, are computed for eight neighbouring positions at
    /// once, on a copy of the grid with zero columns on both sides: a window reaching past the
    /// left or right edge then adds exact zeros for its hidden cells, and each lane adds its
    /// visible products in the same order as one position alone would, so every score is the
    /// same to the last bit.
    static func correlate(_ grid: Plane, _ template: CorrelationTemplate, beyond: Sides = Sides(all: 0)) -> ScoreMap {
        let tw = template.width, th = template.height
        let minX = -min(beyond.left, tw / 4), minY = -min(beyond.top, th / 4)
        let maxX = grid.width - tw + min(beyond.right, tw / 4), maxY = grid.height - th + min(beyond.bottom, th / 4)
        guard maxX >= minX, maxY >= minY else { return ScoreMap(scores: [], columns: 1, originX: 0, originY: 0) }
        let columns = maxX - minX + 1, rows = maxY - minY + 1
        let integral = IntegralImage(grid)
        let templateIntegral = template.integral
        let minCells = Double(tw * th) * minVisible
        var scores = [Double](repeating: 0, count: columns * rows)
        let lanes = 8
        // The padded grid: `left` zero columns, the grid's, then zeros to past the last lane.
        let left = -minX
        let stride = left + max(grid.width, maxX + lanes + tw)
        var padded = [Float](repeating: 0, count: stride * grid.height)
        for y in 0..<grid.height {
            for x in 0..<grid.width { padded[y * stride + left + x] = grid.values[y * grid.width + x] }
        }
        padded.withUnsafeBufferPointer { g in
            template.values.withUnsafeBufferPointer { t in
                scores.withUnsafeMutableBufferPointer { scores in
                    guard let gBase = g.baseAddress else { return }
                    for y in minY...maxY {
                        // The visible rows of the window, in grid and in template coordinates.
                        let gy0 = max(0, y), gy1 = min(grid.height, y + th)
                        guard gy1 > gy0 else { continue }
                        let vh = gy1 - gy0, ty0 = gy0 - y
                        var x = minX
                        while x <= maxX {
                            // Eight windows at x…x+7, each its own lane (lanes past maxX are dropped).
                            var acc = SIMD8<Float>(repeating: 0)
                            for row in 0..<vh {
                                let gRow = (gy0 + row) * stride + left + x
                                let tRow = (ty0 + row) * tw
                                for col in 0..<tw {
                                    let window = UnsafeRawPointer(gBase + gRow + col).loadUnaligned(as: SIMD8<Float>.self)
                                    acc += window * SIMD8<Float>(repeating: t[tRow + col])
                                }
                            }
                            for k in 0..<min(lanes, maxX - x + 1) {
                                let p = x + k
                                let gx0 = max(0, p), gx1 = min(grid.width, p + tw)
                                guard gx1 > gx0 else { continue }
                                let vw = gx1 - gx0
                                let n = Double(vw * vh)
                                guard n >= minCells else { continue }
                                let (sum, squares) = integral.window(x: gx0, y: gy0, width: vw, height: vh)
                                let variance = squares - sum * sum / n
                                guard variance > minSpread * minSpread * n else { continue }
                                let (tSum, tSquares) = templateIntegral.window(x: gx0 - p, y: ty0, width: vw, height: vh)
                                let tVariance = tSquares - tSum * tSum / n
                                guard tVariance > 1e-6 else { continue }
                                let covariance = Double(acc[k]) - sum * tSum / n
                                scores[(y - minY) * columns + (p - minX)] = covariance / (variance * tVariance).squareRoot()
                            }
                            x += lanes
                        }
                    }
                }
            }
        }
        return ScoreMap(scores: scores, columns: columns, originX: minX, originY: minY)
    }
}
