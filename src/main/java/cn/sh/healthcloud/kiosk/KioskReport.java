package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.account.ReportContent;
import cn.sh.healthcloud.account.ReportLevel;
import cn.sh.healthcloud.assessment.Assessment;
import cn.sh.healthcloud.assessment.Finding;
import cn.sh.healthcloud.assessment.Prescription;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The report a kiosk prints (published to healthcloud/kiosks/{kioskId}/reports and kept with the
 * session until the broker acknowledged it): level, findings, prescriptions and the readings they
 * came from, the card only masked.
 */
final class KioskReport {

    /** Whose account the session went to. */
    enum Account {
        STORED, PENDING, NONE;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private KioskReport() {
    }

    static JsonObject of(UUID sessionId, String kioskId, OffsetDateTime assessedAt, String maskedCard, Account account,
            Assessment assessment, JsonArray readings) {
        JsonArray findings = new JsonArray();
        for (Finding f : assessment.findings()) {
            findings.add(new JsonObject().put("code", f.code()).put("type", f.type() == null ? null : f.type().id())
                    .put("level", level(f.level()).id()).put("textZh", f.textZh()).put("textEn", f.textEn()));
        }
        JsonArray prescriptions = new JsonArray();
        for (Prescription p : assessment.prescriptions()) {
            prescriptions.add(new JsonObject().put("kind", p.kind()).put("code", p.code()).put("textZh", p.textZh())
                    .put("textEn", p.textEn()));
        }
        JsonObject report = new JsonObject()
                .put("sessionId", sessionId.toString())
                .put("kioskId", kioskId)
                .put("assessedAt", assessedAt.toString())
                .put("level", level(assessment.level()).id())
                .put("subject", maskedCard == null ? new JsonObject().put("idType", "anonymous")
                        : new JsonObject().put("masked", maskedCard))
                .put("account", account.id())
                .put("findings", findings)
                .put("prescriptions", prescriptions)
                .put("readings", readings);
        if (account == Account.PENDING) {
            report.put("note", new JsonObject()
                    .put("textZh", "本次测量已保存。在“上海健康云”App中绑定身份证或医保卡后，即可在健康账户中查看。")
                    .put("textEn", "Your measurements are kept. Link this card in the Shanghai Health Cloud app to see them in your health account."));
        }
        return report;
    }

    static ReportLevel level(cn.sh.healthcloud.assessment.Level level) {
        return ReportLevel.valueOf(level.name());
    }

    /** The account's form of what the kiosk was given. */
    static ReportContent content(JsonObject report, List<UUID> observationIds) {
        List<ReportContent.Finding> findings = new ArrayList<>();
        for (Object item : report.getJsonArray("findings")) {
            JsonObject f = (JsonObject) item;
            findings.add(new ReportContent.Finding(f.getString("code"), f.getString("type"), levelOf(f.getString("level")),
                    f.getString("textZh"), f.getString("textEn")));
        }
        List<ReportContent.Prescription> prescriptions = new ArrayList<>();
        for (Object item : report.getJsonArray("prescriptions")) {
            JsonObject p = (JsonObject) item;
            prescriptions.add(new ReportContent.Prescription(p.getString("kind"), p.getString("textZh"), p.getString("textEn")));
        }
        return new ReportContent(findings, prescriptions, observationIds);
    }

    static ReportLevel levelOf(String id) {
        return ReportLevel.valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
