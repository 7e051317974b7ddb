package cn.sh.healthcloud.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Who may read a resident's health data, against the packaged artifact (the jar here; the native executable where it is built). */
@QuarkusIntegrationTest
class FamilyDoctorAccessIT extends FamilyDoctorAccessTest {
}
