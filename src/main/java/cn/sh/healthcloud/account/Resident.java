package cn.sh.healthcloud.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A resident's health account. Identifiers are only ever held sealed, hashed and masked. */
@Entity
@Table(name = "resident")
public class Resident {

    @Id
    public UUID id;

    /** The OIDC subject the account belongs to. */
    public String subject;

    /** The name the identity provider gives; what the family doctor sees in their list. */
    @Column(name = "display_name")
    public String displayName;

    @Column(name = "national_id_key_id")
    public String nationalIdKeyId;

    @Column(name = "national_id_sealed")
    public byte[] nationalIdSealed;

    @Column(name = "national_id_lookup")
    public byte[] nationalIdLookup;

    @Column(name = "national_id_masked")
    public String nationalIdMasked;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    public NationalIdNumber.Sex sex;

    @Column(name = "insurance_card_key_id")
    public String insuranceCardKeyId;

    @Column(name = "insurance_card_sealed")
    public byte[] insuranceCardSealed;

    @Column(name = "insurance_card_lookup")
    public byte[] insuranceCardLookup;

    @Column(name = "insurance_card_masked")
    public String insuranceCardMasked;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;

    boolean hasNationalId() {
        return nationalIdSealed != null;
    }
}
