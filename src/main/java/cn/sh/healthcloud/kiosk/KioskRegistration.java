package cn.sh.healthcloud.kiosk;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A kiosk to register: its id as configured in its device agent (generated if absent) and a label. */
public record KioskRegistration(
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}", message = "must be 1 to 32 letters, digits, '.', '_' or '-'") String id,
        @Size(max = 100) String label) {
}
