package cn.sh.healthcloud.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/**
 * Signing "1+1+1": the family doctor (whose community centre is the first "1"), a district
 * hospital and a city hospital, and the priority groups the resident belongs to.
 */
public record ContractRequest(
        @NotNull UUID practitionerId,
        @NotBlank @Size(max = 100) String districtHospital,
        @NotBlank @Size(max = 100) String cityHospital,
        Set<@NotNull PriorityGroup> priorityGroups) {
}
