package cn.sh.healthcloud.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Questionnaire responses, against the packaged artifact (the jar here; the native executable where it is built). */
@QuarkusIntegrationTest
class QuestionnaireResponsesIT extends QuestionnaireResponsesTest {
}
