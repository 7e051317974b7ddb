package cn.sh.healthcloud.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportReceiptTest {

    /** A report as the service's KioskReport builds it. */
    static final String REPORT = """
            {"sessionId": "5d0a6f0e-8f7c-4f0e-9b0a-2d6c1f0b8a11", "kioskId": "K-310110-0123",
             "assessedAt": "2026-11-22T01:42:30Z", "level": "see-doctor",
             "subject": {"masked": "3101**********1238"}, "account": "stored",
             "findings": [{"code": "bp-hypertension-grade-1", "type": "blood-pressure", "level": "see-doctor",
                           "textZh": "血压148/92 mmHg，处于1级高血压范围（≥140/90 mmHg），请到社区卫生服务中心复测，并请家庭医生诊治。",
                           "textEn": "..."},
                          {"code": "bmi-normal", "type": "body-composition", "level": "normal", "textZh": "BMI 22.1，正常。", "textEn": "..."}],
             "prescriptions": [{"kind": "diet", "code": "diet-less-salt", "textZh": "每天食盐不超过5克。", "textEn": "..."},
                               {"kind": "follow-up", "code": "follow-up-bp-recheck", "textZh": "两周内到社区卫生服务中心复测血压。", "textEn": "..."}],
             "readings": []}""";

    @Test
    void laysOutTheReportInChineseWithinThePaperWidth() throws Exception {
        JsonNode report = new ObjectMapper().readTree(REPORT);
        List<String> lines = ReportReceipt.lines(report, new ReportReceipt.Context("定海路智慧健康小屋", "K-310110-0123", "张伟"), 32);
        lines.forEach(line -> assertTrue(DisplayWidth.of(line) <= 32, "too wide: " + line));
        String text = String.join("\n", lines);
        assertTrue(text.contains("您好，张*！"), text);
        assertTrue(text.contains("证件：3101**********1238"), text);
        assertTrue(text.contains("时间：2026-11-22 09:42"), "Shanghai time: " + text);
        assertTrue(text.contains("站点：定海路智慧健康小屋"), text);
        assertTrue(text.contains("总体评估：建议就医"), text);
        assertTrue(text.contains("· 【建议就医】血压148/92"), text);
        assertTrue(text.contains("· 【正常】BMI 22.1，正常。"), text);
        assertTrue(text.contains("· 饮食：每天食盐不超过5克。"), text);
        assertTrue(text.contains("· 复查就医：两周内到社区卫生服务\n  中心复测血压。"), text);
        assertTrue(!text.contains("张伟"), "the name is masked");
    }

    @Test
    void namesEveryLevelOfTheService() {
        assertEquals("正常", ReportReceipt.level("normal"));
        assertEquals("注意", ReportReceipt.level("attention"));
        assertEquals("建议就医", ReportReceipt.level("see-doctor"));
        assertEquals("紧急", ReportReceipt.level("urgent"));
    }

    @Test
    void anAnonymousReportGreetsWithoutAName() throws Exception {
        JsonNode report = new ObjectMapper().readTree(REPORT.replace("{\"masked\": \"3101**********1238\"}", "{\"idType\": \"anonymous\"}"));
        String text = String.join("\n", ReportReceipt.lines(report, new ReportReceipt.Context("310110-0123", "K-310110-0123", null), 32));
        assertTrue(text.contains("您好！"));
        assertTrue(text.contains("证件：未刷卡（匿名测量）"));
    }

    @Test
    void masksAllButTheSurname() {
        assertEquals("张*", ReportReceipt.maskedName("张伟"));
        assertEquals("欧***", ReportReceipt.maskedName("欧阳娜娜"));
    }
}
