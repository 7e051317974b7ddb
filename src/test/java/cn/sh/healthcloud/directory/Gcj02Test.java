package cn.sh.healthcloud.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Gcj02Test {

    // The example pair in the documentation of the widely used open-source eviltransform library.
    private static final GeoPoint BEIJING_WGS = new GeoPoint(39.915, 116.404);
    private static final GeoPoint BEIJING_GCJ = new GeoPoint(39.91640428150164, 116.41024449916938);

    @Test
    void forwardTransformMatchesThePublishedPair() {
        GeoPoint gcj = Gcj02.fromWgs84(BEIJING_WGS);

        assertThat(gcj.lat()).isCloseTo(BEIJING_GCJ.lat(), within(1e-7));
        assertThat(gcj.lon()).isCloseTo(BEIJING_GCJ.lon(), within(1e-7));
    }

    @Test
    void inverseRoundTripsToWithinCentimetres() {
        GeoPoint yangpu = new GeoPoint(31.2595, 121.5260);

        GeoPoint back = Gcj02.toWgs84(Gcj02.fromWgs84(yangpu));

        assertThat(back.distanceMeters(yangpu)).isLessThan(0.01);
    }

    @Test
    void shanghaiShiftIsHundredsOfMetres() {
        GeoPoint yangpu = new GeoPoint(31.2595, 121.5260);

        double shift = Gcj02.fromWgs84(yangpu).distanceMeters(yangpu);

        assertThat(shift).isBetween(300.0, 800.0);
    }

    @Test
    void outsideChinaNothingChanges() {
        GeoPoint london = new GeoPoint(51.5007, -0.1246);

        assertThat(Gcj02.fromWgs84(london)).isEqualTo(london);
        assertThat(Gcj02.toWgs84(london)).isEqualTo(london);
    }
}
