package cn.sh.healthcloud.account;

import jakarta.validation.constraints.Size;

/** Why the resident ends the contract (optional; helps the centre improve). */
public record EndContractRequest(@Size(max = 200) String reason) {
}
