package cn.sh.healthcloud.directory;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Station validation, against the packaged artifact (the jar here; the native executable where it is built). */
@QuarkusIntegrationTest
class StationValidationIT extends StationValidationTest {
}
