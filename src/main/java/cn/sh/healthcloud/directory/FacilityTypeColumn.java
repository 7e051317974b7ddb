package cn.sh.healthcloud.directory;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a facility type by its API id, so the column reads the same as the JSON. */
@Converter(autoApply = true)
public class FacilityTypeColumn implements AttributeConverter<FacilityType, String> {

    @Override
    public String convertToDatabaseColumn(FacilityType type) {
        return type == null ? null : type.id();
    }

    @Override
    public FacilityType convertToEntityAttribute(String id) {
        return id == null ? null : FacilityType.byId(id).orElseThrow();
    }
}
