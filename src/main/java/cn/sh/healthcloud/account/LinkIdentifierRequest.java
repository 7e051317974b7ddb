package cn.sh.healthcloud.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An identifier to link, as typed or read from the card. */
public record LinkIdentifierRequest(@NotBlank @Size(max = 40) String number) {
}
