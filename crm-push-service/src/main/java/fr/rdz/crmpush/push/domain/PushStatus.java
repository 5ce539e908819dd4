package fr.rdz.crmpush.push.domain;

/** Where the push of one lead of one batch stands in the ledger. */
public enum PushStatus {
    PENDING(false),
    RETRYING(false),
    DEAD_LETTERED(false),
    SUCCESS(true),
    DUPLICATE(true),
    VALIDATION_ERROR(true),
    AUTH_ERROR(true),
    FAILED(true),
    /** The lead's personal data was erased (erasure of the person, retention limit) before it was pushed: never pushed. */
    ERASED(true);

    private final boolean fin;

    PushStatus(boolean fin) {
        this.fin = fin;
    }

    /** A final status: the lead is never POSTed again for this batch, not on redelivery, not on replay. */
    public boolean isFinal() {
        return fin;
    }

    public static PushStatus of(PushVerdict verdict) {
        return switch (verdict) {
            case SUCCESS -> SUCCESS;
            case DUPLICATE -> DUPLICATE;
            case VALIDATION_ERROR -> VALIDATION_ERROR;
            case AUTH_ERROR -> AUTH_ERROR;
            case FAILED -> FAILED;
            case RETRY -> RETRYING;
        };
    }
}
