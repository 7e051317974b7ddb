package cn.sh.healthcloud.directory;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Station search, against the packaged artifact (the jar here; the native executable where it is built). */
@QuarkusIntegrationTest
class StationSearchIT extends StationSearchTest {
}
