package cn.sh.healthcloud.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Family doctors' alerts, against the packaged artifact (the jar here; the native executable where it is built). */
@QuarkusIntegrationTest
class AlertsIT extends AlertsTest {
}
