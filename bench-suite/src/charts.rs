//! SVG bar charts next to the report: one per metric, a group of bars per
//! benchmark, each bar a column of the report's table as a ratio against the
//! bespoke baseline (log scale; the line at 1 is the baseline).

use crate::report::{baseline_value, columns, value, BenchResult, Column, Metric, StrategyKey};
use plotters::prelude::*;
use std::path::{Path, PathBuf};

fn color(col: &Column) -> RGBColor {
    use crate::programs::Variant;
    let fiber = col.variant == Variant::Fiber;
    match col.strategy {
        Some(StrategyKey::Cps) if fiber => RGBColor(31, 119, 180),
        Some(StrategyKey::Cps) => RGBColor(140, 190, 230),
        Some(StrategyKey::Asyncify) if fiber => RGBColor(230, 120, 20),
        Some(StrategyKey::Asyncify) => RGBColor(250, 190, 120),
        Some(StrategyKey::Wasmfx) if fiber => RGBColor(40, 150, 60),
        Some(StrategyKey::Wasmfx) => RGBColor(150, 215, 140),
        None if col.variant == Variant::Generator => RGBColor(90, 90, 90),
        None => RGBColor(180, 180, 180),
    }
}

/// Writes `STEM-time.svg`, `STEM-memory.svg` and `STEM-size.svg` next to
/// the report; returns their paths.
pub fn write_all(results: &[BenchResult], report: &Path) -> Result<Vec<PathBuf>, String> {
    // The charts show the fiber benchmarks (the async ones have tables only).
    let fiber: Vec<BenchResult> = results
        .iter()
        .filter(|r| !crate::report::is_async(r))
        .cloned()
        .collect();
    let results = &fiber[..];
    let dir = report.parent().unwrap_or(Path::new("."));
    let stem = report
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let mut written = Vec::new();
    for (metric, suffix, title) in [
        (
            Metric::Time,
            "time",
            "Run time relative to the bespoke baseline (log scale, lower is better)",
        ),
        (
            Metric::Memory,
            "memory",
            "Peak resident memory relative to the bespoke baseline (log scale)",
        ),
        (
            Metric::Size,
            "size",
            "Binary size relative to the bespoke baseline (asyncify: both after Binaryen)",
        ),
    ] {
        let path = dir.join(format!("{stem}-{suffix}.svg"));
        chart(results, metric, title, &path).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

fn chart(
    results: &[BenchResult],
    metric: Metric,
    title: &str,
    path: &Path,
) -> Result<(), Box<dyn std::error::Error>> {
    let cols: Vec<Column> = columns()
        .into_iter()
        .filter(|c| !(metric == Metric::Size && c.strategy.is_none()))
        .collect();
    // (benchmark index, column index, ratio)
    let mut bars = Vec::new();
    for (i, res) in results.iter().enumerate() {
        for (j, c) in cols.iter().enumerate() {
            if let (Some(v), Some(b)) = (value(res, *c, metric), baseline_value(res, *c, metric)) {
                if b > 0.0 && v > 0.0 {
                    bars.push((i, j, v / b));
                }
            }
        }
    }
    let n = results.len().max(1) as f64;
    let root = SVGBackend::new(path, (1100, 520)).into_drawing_area();
    root.fill(&WHITE)?;
    let (plot, legend) = root.split_horizontally(930);
    let builder = |plot| {
        let mut b = ChartBuilder::on(plot);
        b.caption(title, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(60);
        b
    };
    let hi = bars.iter().map(|b| b.2).fold(1.0f64, f64::max);
    if metric == Metric::Size {
        // Sizes stay within a small factor of the baseline: a linear axis
        // from 0 shows them without exaggerating the differences.
        let hi = hi * 1.15;
        let mut chart = builder(&plot).build_cartesian_2d(0.0..n, 0.0..hi)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .disable_x_axis()
            .y_desc("ratio to bespoke")
            .y_label_formatter(&|v| format!("{v:.1}×"))
            .draw()?;
        let k = cols.len() as f64;
        let width = 0.8 / k;
        for (j, c) in cols.iter().enumerate() {
            let fill = color(c);
            chart.draw_series(bars.iter().filter(|b| b.1 == j).map(|&(i, j, r)| {
                let x0 = i as f64 + 0.1 + j as f64 * width;
                Rectangle::new([(x0, 0.0), (x0 + width * 0.92, r)], fill.filled())
            }))?;
            let y = 60 + 20 * j as i32;
            legend.draw(&Rectangle::new([(4, y), (16, y + 10)], fill.filled()))?;
            legend.draw(&Text::new(c.label(), (22, y), ("sans-serif", 13)))?;
        }
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 1.0), (n, 1.0)],
            BLACK.stroke_width(1),
        )))?;
        for (i, res) in results.iter().enumerate() {
            let (px, py) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
            root.draw(&Text::new(
                res.name.clone(),
                (px - 4 * res.name.len() as i32, py + 10),
                ("sans-serif", 15),
            ))?;
        }
        root.present()?;
        return Ok(());
    }
    let lo = bars.iter().map(|b| b.2).fold(1.0f64, f64::min) / 1.6;
    let hi = hi * 1.6;
    let mut chart = builder(&plot).build_cartesian_2d(0.0..n, (lo..hi).log_scale())?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .disable_x_axis()
        .y_desc("ratio to bespoke")
        .y_label_formatter(&|v| {
            if *v >= 1.0 {
                format!("{v:.0}×")
            } else {
                format!("{v:.2}×")
            }
        })
        .draw()?;

    let k = cols.len() as f64;
    let width = 0.8 / k;
    for (j, c) in cols.iter().enumerate() {
        let fill = color(c);
        let series: Vec<Rectangle<(f64, f64)>> = bars
            .iter()
            .filter(|b| b.1 == j)
            .map(|&(i, j, r)| {
                let x0 = i as f64 + 0.1 + j as f64 * width;
                Rectangle::new([(x0, lo), (x0 + width * 0.92, r)], fill.filled())
            })
            .collect();
        chart.draw_series(series)?;
        // The legend, in its own panel on the right.
        let y = 60 + 20 * j as i32;
        legend.draw(&Rectangle::new([(4, y), (16, y + 10)], fill.filled()))?;
        legend.draw(&Text::new(c.label(), (22, y), ("sans-serif", 13)))?;
    }
    // The baseline.
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 1.0), (n, 1.0)],
        BLACK.stroke_width(1),
    )))?;
    // Benchmark names under their groups.
    for (i, res) in results.iter().enumerate() {
        let (px, py) = chart.backend_coord(&(i as f64 + 0.5, lo));
        root.draw(&Text::new(
            res.name.clone(),
            (px - 4 * res.name.len() as i32, py + 10),
            ("sans-serif", 15),
        ))?;
    }
    root.present()?;
    Ok(())
}
