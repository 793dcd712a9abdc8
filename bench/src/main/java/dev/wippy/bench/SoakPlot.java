package dev.wippy.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Draws the live heap of each soak wave as a line, with the limit the last wave must stay under. */
final class SoakPlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private SoakPlot() {
    }

    static void write(List<SoakSample> samples, double allowedGrowth, String totals, Path png) throws IOException {
        XYSeries heap = new XYSeries("live heap after full collections");
        for (SoakSample s : samples) {
            heap.add(s.wave(), s.heapMiB());
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Soak: live heap per wave", "wave", "MiB",
                new XYSeriesCollection(heap), PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new TextTitle(totals));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        double limit = samples.getFirst().heapMiB() * (1 + allowedGrowth);
        double highest = samples.stream().mapToDouble(SoakSample::heapMiB).max().orElse(limit);
        plot.getRangeAxis().setRange(0, Math.max(limit, highest) * 1.15);
        ValueMarker line = new ValueMarker(limit, new Color(200, 0, 0), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        line.setLabel(String.format(Locale.ROOT, "limit: %.1f MiB, the first wave's heap + %.0f%%", limit,
                allowedGrowth * 100));
        line.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        line.setLabelOffset(new RectangleInsets(2, 6, 2, 6));
        plot.addRangeMarker(line);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
