package cn.sh.healthcloud.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The resident's own account as the app shows it; identifiers only ever masked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountView(UUID id, String name, LinkedNationalId nationalId, LinkedCard insuranceCard,
        OffsetDateTime createdAt, ContractView familyDoctor, java.util.List<ObservationView> latestObservations,
        ReportView latestReport, Long healthPoints, java.util.List<QuestionnaireResultSummary> latestQuestionnaireResults) {

    /** The linked resident identity card: masked number, and what it says about its holder. */
    public record LinkedNationalId(String masked, LocalDate birthDate, NationalIdNumber.Sex sex) {
    }

    public record LinkedCard(String masked) {
    }

    /** The identity part alone (answers to identifier changes). */
    static AccountView of(Resident r) {
        return new AccountView(r.id, r.displayName,
                r.nationalIdMasked == null ? null : new LinkedNationalId(r.nationalIdMasked, r.birthDate, r.sex),
                r.insuranceCardMasked == null ? null : new LinkedCard(r.insuranceCardMasked),
                r.createdAt, null, null, null, null, null);
    }

    /**
     * The whole account page: identity, family doctor, the latest value of each measurement, the latest
     * report, the points balance and the latest result of each questionnaire answered.
     */
    AccountView with(ContractView contract, java.util.List<ObservationView> latest, ReportView report, long points,
            java.util.List<QuestionnaireResultSummary> questionnaires) {
        return new AccountView(id, name, nationalId, insuranceCard, createdAt, contract, latest, report, points,
                questionnaires);
    }
}
