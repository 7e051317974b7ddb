package cn.sh.healthcloud.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void oneDegreeOfLatitudeIsAbout111Kilometres() {
        assertThat(new GeoPoint(31, 121).distanceMeters(new GeoPoint(32, 121))).isCloseTo(111_195, within(10.0));
    }

    @Test
    void peoplesSquareToLujiazuiIsAboutThreeKilometres() {
        GeoPoint peoplesSquare = new GeoPoint(31.2304, 121.4737);
        GeoPoint orientalPearl = new GeoPoint(31.2397, 121.4998);

        assertThat(peoplesSquare.distanceMeters(orientalPearl)).isCloseTo(2_666, within(30.0));
    }

    @Test
    void rejectsImpossibleCoordinates() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(0, 181)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
