package cn.sh.healthcloud.kiosk;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The kiosk registry, against the packaged artifact (the jar here; the native executable where it is built). */
@QuarkusIntegrationTest
class KioskRegistryIT extends KioskRegistryTest {
}
