package cn.sh.healthcloud.account;

/** The identifiers a resident can link; the id is part of what is hashed and authenticated. */
public enum IdentifierKind {
    RESIDENT_ID_CARD("resident-id-card"),
    MEDICAL_INSURANCE_CARD("medical-insurance-card");

    private final String id;

    IdentifierKind(String id) {
        this.id = id;
    }

    /** As kiosks name it in readings (design §3.3 {@code idType}). */
    public String id() {
        return id;
    }
}
