package cn.sh.healthcloud.account;

import java.util.List;

/** One signed resident's record as their family doctor reads it. */
public record ResidentRecordView(SignedResidentView resident, ContractView contract,
        List<ObservationView> latestObservations, ReportView latestReport) {
}
