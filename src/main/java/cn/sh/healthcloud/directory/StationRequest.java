package cn.sh.healthcloud.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/** What a station admin, district officer or city admin writes: the whole station document. */
public record StationRequest(
        @NotNull FacilityType type,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 code") String district,
        @Size(max = 50) String street,
        @NotBlank @Size(max = 200) String address,
        @NotNull @Valid Position position,
        @Pattern(regexp = "[0-9+\\- ]{5,20}", message = "must be a phone number") String phone,
        @Size(max = 32) String parentId,
        @NotEmpty Set<@NotNull CareService> services,
        @NotNull @Valid OpeningHours openingHours,
        List<@NotNull @Valid Closure> closures) {

    public StationRequest {
        closures = closures == null ? List.of() : List.copyOf(closures);
    }
}
