package cn.sh.healthcloud.account;

import cn.sh.healthcloud.measurement.MeasurementType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a measurement type by its contract id ("blood-pressure"), so the column reads like the API. */
@Converter
public class MeasurementTypeColumn implements AttributeConverter<MeasurementType, String> {

    @Override
    public String convertToDatabaseColumn(MeasurementType type) {
        return type == null ? null : type.id();
    }

    @Override
    public MeasurementType convertToEntityAttribute(String id) {
        return id == null ? null : MeasurementType.byId(id).orElseThrow();
    }
}
