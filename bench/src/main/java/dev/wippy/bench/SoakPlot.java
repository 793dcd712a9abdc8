package dev.wippy.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Draws the live heap of each soak wave as a line, over the band the last wave must end in. */
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
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        double first = samples.getFirst().heapMiB();
        IntervalMarker band = new IntervalMarker(0, first * (1 + allowedGrowth));
        band.setPaint(new Color(0, 160, 0, 30));
        band.setLabel(String.format("allowed: up to %.0f%% above the first wave", allowedGrowth * 100));
        band.setLabelPaint(new Color(0, 110, 0));
        plot.addRangeMarker(band, Layer.BACKGROUND);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
