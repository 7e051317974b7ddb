package cn.sh.healthcloud.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** A resident's observations, against the packaged artifact (the jar here; the native executable where it is built). */
@QuarkusIntegrationTest
class MyObservationsResourceIT extends MyObservationsResourceTest {
}
