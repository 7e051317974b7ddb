package cn.sh.healthcloud.agent.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A session's report (as the service publishes it to .../reports) laid out in Chinese for a
 * narrow receipt printer: greeting, masked card, time, station, overall level, each finding and
 * prescription. The resident's name, if the card gave one, is printed with all but the surname
 * masked: receipts get left behind.
 */
final class ReportReceipt {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The service's report levels (normal, attention, see-doctor, urgent). */
    private static final Map<String, String> LEVELS = Map.of("normal", "正常", "attention", "注意",
            "see-doctor", "建议就医", "urgent", "紧急");
    private static final Map<String, String> PRESCRIPTION_KINDS = Map.of("diet", "饮食", "exercise", "运动",
            "follow-up", "复查就医", "lifestyle", "生活方式");

    private ReportReceipt() {
    }

    /** Where and who: the station's name (or id), the kiosk, the name read from the card if known. */
    record Context(String station, String kioskId, String name) {
    }

    static List<String> lines(JsonNode report, Context context, int columns) {
        List<String> lines = new ArrayList<>();
        String rule = "=".repeat(columns);
        String thin = "-".repeat(columns);
        lines.add(rule);
        lines.add(center("上海健康云  健康自测报告", columns));
        lines.add(rule);
        lines.addAll(DisplayWidth.wrap("", context.name() == null ? "您好！" : "您好，" + maskedName(context.name()) + "！", columns));
        JsonNode subject = report.path("subject");
        if (subject.hasNonNull("masked")) {
            lines.addAll(DisplayWidth.wrap("证件：", subject.get("masked").asText(), columns));
        } else {
            lines.addAll(DisplayWidth.wrap("证件：", "未刷卡（匿名测量）", columns));
        }
        lines.addAll(DisplayWidth.wrap("时间：", time(report.path("assessedAt").asText()), columns));
        lines.addAll(DisplayWidth.wrap("站点：", context.station(), columns));
        lines.addAll(DisplayWidth.wrap("终端：", context.kioskId(), columns));
        lines.add(thin);
        lines.addAll(DisplayWidth.wrap("总体评估：", level(report.path("level").asText()), columns));
        lines.add(thin);
        lines.add("检查结果");
        JsonNode findings = report.path("findings");
        if (findings.isEmpty()) {
            lines.addAll(DisplayWidth.wrap("· ", "本次没有可评估的测量结果。", columns));
        }
        for (JsonNode finding : findings) {
            lines.addAll(DisplayWidth.wrap("· ", "【" + level(finding.path("level").asText()) + "】"
                    + finding.path("textZh").asText(), columns));
        }
        JsonNode prescriptions = report.path("prescriptions");
        if (!prescriptions.isEmpty()) {
            lines.add("健康处方");
            for (JsonNode prescription : prescriptions) {
                String kind = PRESCRIPTION_KINDS.getOrDefault(prescription.path("kind").asText(), "建议");
                lines.addAll(DisplayWidth.wrap("· ", kind + "：" + prescription.path("textZh").asText(), columns));
            }
        }
        if (report.path("note").hasNonNull("textZh")) {
            lines.add(thin);
            lines.addAll(DisplayWidth.wrap("", report.path("note").path("textZh").asText(), columns));
        }
        lines.add(thin);
        lines.addAll(DisplayWidth.wrap("", "本报告仅供健康自测参考，不能代替医生的诊断。", columns));
        return lines;
    }

    static String level(String id) {
        return LEVELS.getOrDefault(id, id);
    }

    /** 张伟 → 张*, 欧阳娜娜 → 欧***: enough to know it is yours, not enough for a stranger. */
    static String maskedName(String name) {
        String trimmed = name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) <= 1) {
            return trimmed;
        }
        int first = trimmed.offsetByCodePoints(0, 1);
        return trimmed.substring(0, first) + "*".repeat(trimmed.codePointCount(first, trimmed.length()));
    }

    private static String time(String assessedAt) {
        try {
            return TIME.format(OffsetDateTime.parse(assessedAt).atZoneSameInstant(SHANGHAI));
        } catch (DateTimeParseException e) {
            return assessedAt;
        }
    }

    private static String center(String text, int columns) {
        int padding = Math.max(0, (columns - DisplayWidth.of(text)) / 2);
        return " ".repeat(padding) + text;
    }
}
