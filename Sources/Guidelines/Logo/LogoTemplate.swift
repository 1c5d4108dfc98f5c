/// A reference logo reduced to a small grey grid, normalised for correlation: zero mean and
/// unit Euclidean norm, so the correlation with any window is a dot product divided by the
/// window's own spread.
struct CorrelationTemplate: Sendable {
    let width: Int
    let height: Int
    let values: [Float]
    /// Its summed-area tables, for the visible part of windows that reach past an edge.
    let integral: IntegralImage

    /// nil when the plane is (nearly) flat: a blank reference correlates with nothing.
    init?(_ plane: Plane) {
        let n = Float(plane.values.count)
        let mean = plane.values.reduce(0, +) / n
        var centred = plane.values.map { $0 - mean }
        let norm = centred.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm / n.squareRoot() > 0.02 else { return nil }
        for i in centred.indices { centred[i] /= norm }
        width = plane.width
        height = plane.height
        values = centred
        integral = IntegralImage(Plane(width: plane.width, height: plane.height, values: centred))
    }
}

/// The geometry shared by a reference's templates: its content box's aspect, and the grids the
/// search correlates on.
struct PreparedReference: Sendable {
    /// Content box width / height.
    let aspect: Double
    /// Long side `LogoSearch.coarseSide` cells: cheap enough to try every position at every scale.
    let coarse: CorrelationTemplate
    /// Long side `LogoSearch.fineSide` cells: enough detail to tell the logo's thin rings and
    /// lettering from another round emblem.
    let fine: CorrelationTemplate

    init?(_ plane: Plane) {
        let box = Self.contentBox(plane)
        let content = plane.cropped(x: box.x, y: box.y, width: box.width, height: box.height)
        guard content.width >= 8, content.height >= 8 else { return nil }
        aspect = Double(content.width) / Double(content.height)
        guard aspect >= 0.25, aspect <= 4 else { return nil }
        guard let coarse = CorrelationTemplate(content.resampled(width: Self.cells(LogoSearch.coarseSide, aspect).width,
                                                      height: Self.cells(LogoSearch.coarseSide, aspect).height)),
              let fine = CorrelationTemplate(content.resampled(width: Self.cells(LogoSearch.fineSide, aspect).width,
                                                    height: Self.cells(LogoSearch.fineSide, aspect).height).smoothed())
        else { return nil }
        self.coarse = coarse
        self.fine = fine
    }

    /// Grid size with `longSide` cells on the longer side.
    static func cells(_ longSide: Int, _ aspect: Double) -> (width: Int, height: Int) {
        aspect >= 1
            ? (longSide, max(4, Int((Double(longSide) / aspect).rounded())))
            : (max(4, Int((Double(longSide) * aspect).rounded())), longSide)
    }

    /// The box around the logo's ink, when the reference has a plain border (a logo file on a
    /// white or coloured square). Templates then describe the logo itself, not how much margin
    /// this particular file has: a copy with its margin cropped, or pasted without it, still
    /// lines up with a window drawn tight around the ink. A reference without a plain border is
    /// used whole.
    static func contentBox(_ plane: Plane) -> (x: Int, y: Int, width: Int, height: Int) {
        let whole = (x: 0, y: 0, width: plane.width, height: plane.height)
        let background = plane.borderMedian()
        var border = 0, plain = 0
        for x in 0..<plane.width {
            for y in [0, plane.height - 1] { border += 1; if abs(plane[x, y] - background) <= 0.08 { plain += 1 } }
        }
        for y in 0..<plane.height {
            for x in [0, plane.width - 1] { border += 1; if abs(plane[x, y] - background) <= 0.08 { plain += 1 } }
        }
        guard plain * 10 >= border * 9 else { return whole }

        // A row or column belongs to the content when at least 0.5 % of it differs clearly from
        // the background: single stray pixels (compression noise) do not stretch the box.
        var rows = [Int](repeating: 0, count: plane.height), columns = [Int](repeating: 0, count: plane.width)
        for y in 0..<plane.height {
            for x in 0..<plane.width where abs(plane[x, y] - background) > 0.2 {
                rows[y] += 1
                columns[x] += 1
            }
        }
        let rowNeed = max(1, plane.width / 200), columnNeed = max(1, plane.height / 200)
        guard let top = rows.firstIndex(where: { $0 >= rowNeed }), let bottom = rows.lastIndex(where: { $0 >= rowNeed }),
              let left = columns.firstIndex(where: { $0 >= columnNeed }), let right = columns.lastIndex(where: { $0 >= columnNeed })
        else { return whole }
        // One cell of background around the ink at the fine grid keeps the outer edge of the
        // logo inside the template, so edges match even when windows are off by a pixel.
        let padX = max(1, (right - left + 1) / LogoSearch.fineSide), padY = max(1, (bottom - top + 1) / LogoSearch.fineSide)
        let x0 = max(0, left - padX), y0 = max(0, top - padY)
        let x1 = min(plane.width, right + 1 + padX), y1 = min(plane.height, bottom + 1 + padY)
        return (x0, y0, x1 - x0, y1 - y0)
    }
}
