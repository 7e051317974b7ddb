package cn.sh.healthcloud.account;

/** Why a text is not a valid identifier. The message never repeats the identifier. */
public final class InvalidIdentifierException extends Exception {

    InvalidIdentifierException(String reason) {
        super(reason, null, false, false);
    }
}
