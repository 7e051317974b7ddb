package cn.sh.healthcloud.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Problem details for bad input, against the packaged artifact (the jar here; the native executable where it is built). */
@QuarkusIntegrationTest
class ProblemDetailsIT extends ProblemDetailsTest {
}
