/// A grey raster of intensities (0 = black, 1 = white), rows top to bottom.
struct Plane: Sendable {
    let width: Int
    let height: Int
    var values: [Float]

    init(width: Int, height: Int, values: [Float]) {
        self.width = width
        self.height = height
        self.values = values
    }

    subscript(x: Int, y: Int) -> Float { values[y * width + x] }

    /// The rectangle [x, x+w) × [y, y+h), clamped to the plane.
    func cropped(x: Int, y: Int, width w: Int, height h: Int) -> Plane {
        let x0 = max(0, min(width, x)), y0 = max(0, min(height, y))
        let x1 = max(x0, min(width, x + w)), y1 = max(y0, min(height, y + h))
        var out = [Float]()
        out.reserveCapacity((x1 - x0) * (y1 - y0))
        for row in y0..<y1 {
            out.append(contentsOf: values[(row * width + x0)..<(row * width + x1)])
        }
        return Plane(width: x1 - x0, height: y1 - y0, values: out)
    }

    /// Smoothed with the binomial kernel [1 2 1] / 4 along both axes (edges repeated).
    func smoothed() -> Plane {
        guard width > 1, height > 1 else { return self }
        var rows = values
        for y in 0..<height {
            let r = y * width
            for x in 0..<width {
                let l = values[r + max(0, x - 1)], c = values[r + x], rr = values[r + min(width - 1, x + 1)]
                rows[r + x] = (l + 2 * c + rr) / 4
            }
        }
        var out = rows
        for y in 0..<height {
            let up = max(0, y - 1) * width, down = min(height - 1, y + 1) * width
            for x in 0..<width { out[y * width + x] = (rows[up + x] + 2 * rows[y * width + x] + rows[down + x]) / 4 }
        }
        return Plane(width: width, height: height, values: out)
    }

    /// The median of the outermost pixels: the colour a picture's surroundings most likely have.
    func borderMedian() -> Float {
        var border: [Float] = []
        border.reserveCapacity(2 * (width + height))
        for x in 0..<width { border.append(self[x, 0]); border.append(self[x, height - 1]) }
        for y in 0..<height { border.append(self[0, y]); border.append(self[width - 1, y]) }
        border.sort()
        return border[border.count / 2]
    }

    /// Resampled to `w` × `h`. Shrinking averages the exact source area under each output pixel
    /// (a box filter with fractional edges), so every source pixel counts once and JPEG block
    /// noise and dithering average out; enlarging interpolates linearly. Separable: the cost is
    /// linear in source plus output pixels.
    func resampled(width w: Int, height h: Int) -> Plane {
        precondition(w > 0 && h > 0, "resampling to an empty plane")
        if w == width && h == height { return self }
        let horizontal = Weights(from: width, to: w)
        let vertical = Weights(from: height, to: h)
        // Rows first (height × w), then columns. Each output sums its weighted sources in the
        // same order whatever the loop around it, so the values do not depend on how it is run.
        var rows = [Float](repeating: 0, count: height * w)
        values.withUnsafeBufferPointer { src in
            rows.withUnsafeMutableBufferPointer { dst in
                horizontal.start.withUnsafeBufferPointer { start in
                    horizontal.offset.withUnsafeBufferPointer { offset in
                        horizontal.weight.withUnsafeBufferPointer { weight in
                            for y in 0..<height {
                                let srcRow = y * width, dstRow = y * w
                                for x in 0..<w {
                                    var sum: Float = 0
                                    let first = offset[x], last = x + 1 < w ? offset[x + 1] : weight.count
                                    let base = srcRow + start[x] - first
                                    for k in first..<last { sum += src[base + k] * weight[k] }
                                    dst[dstRow + x] = sum
                                }
                            }
                        }
                    }
                }
            }
        }
        var out = [Float](repeating: 0, count: w * h)
        rows.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let start = vertical.start[y]
                    for k in vertical.range(y) {
                        let weight = vertical.weight[k]
                        let srcRow = (start + k - vertical.offset[y]) * w
                        let dstRow = y * w
                        for x in 0..<w { dst[dstRow + x] += src[srcRow + x] * weight }
                    }
                }
            }
        }
        return Plane(width: w, height: h, values: out)
    }

    /// Per-output-pixel source spans and weights along one axis, flattened.
    private struct Weights {
        /// First source index for each output index.
        var start: [Int] = []
        /// Index into `weight` of each output index's first weight.
        var offset: [Int] = []
        var weight: [Float] = []

        func range(_ i: Int) -> Range<Int> { offset[i]..<(i + 1 < offset.count ? offset[i + 1] : weight.count) }

        init(from n: Int, to m: Int) {
            let scale = Double(n) / Double(m)
            start.reserveCapacity(m)
            offset.reserveCapacity(m)
            for i in 0..<m {
                offset.append(weight.count)
                if scale >= 1 {
                    // Area: source interval [i·scale, (i+1)·scale).
                    let a = Double(i) * scale, b = min(Double(n), Double(i + 1) * scale)
                    let first = Int(a), last = min(n - 1, Int((b - 1e-9).rounded(.down)))
                    start.append(first)
                    for j in first...max(first, last) {
                        let overlap = min(b, Double(j + 1)) - max(a, Double(j))
                        weight.append(Float(max(0, overlap) / scale))
                    }
                } else {
                    // Linear interpolation at the output pixel's centre.
                    let x = (Double(i) + 0.5) * scale - 0.5
                    let clamped = min(max(x, 0), Double(n - 1))
                    let first = min(Int(clamped.rounded(.down)), max(0, n - 2))
                    let t = Float(clamped - Double(first))
                    start.append(first)
                    if n == 1 {
                        weight.append(1)
                    } else {
                        weight.append(1 - t)
                        weight.append(t)
                    }
                }
            }
        }
    }
}

/// Summed-area tables of a plane and of its squares, for the mean and spread of any window in
/// constant time. Double precision: the tables subtract large sums.
struct IntegralImage: Sendable {
    let width: Int
    let height: Int
    private var sum: [Double]
    private var squares: [Double]

    init(_ plane: Plane) {
        width = plane.width
        height = plane.height
        let stride = width + 1
        sum = [Double](repeating: 0, count: stride * (height + 1))
        squares = sum
        plane.values.withUnsafeBufferPointer { values in
            sum.withUnsafeMutableBufferPointer { sum in
                squares.withUnsafeMutableBufferPointer { squares in
                    for y in 0..<height {
                        var rowSum = 0.0, rowSquares = 0.0
                        let above = y * stride + 1, here = (y + 1) * stride + 1, source = y * width
                        for x in 0..<width {
                            let v = Double(values[source + x])
                            rowSum += v
                            rowSquares += v * v
                            sum[here + x] = sum[above + x] + rowSum
                            squares[here + x] = squares[above + x] + rowSquares
                        }
                    }
                }
            }
        }
    }

    /// Sum and sum of squares over [x, x+w) × [y, y+h).
    func window(x: Int, y: Int, width w: Int, height h: Int) -> (sum: Double, squares: Double) {
        let stride = width + 1
        let a = y * stride + x, b = y * stride + x + w, c = (y + h) * stride + x, d = (y + h) * stride + x + w
        return (sum[d] - sum[b] - sum[c] + sum[a], squares[d] - squares[b] - squares[c] + squares[a])
    }
}
