package cn.sh.healthcloud.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Probes, metrics and the API description, against the packaged artifact (the jar here; the native executable where it is built). */
@QuarkusIntegrationTest
class HealthAndOperationsIT extends HealthAndOperationsTest {
}
