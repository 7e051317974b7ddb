package cn.sh.healthcloud.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a station closes (shown to residents who look it up). */
public record CloseRequest(@NotBlank @Size(max = 200) String reason) {
}
