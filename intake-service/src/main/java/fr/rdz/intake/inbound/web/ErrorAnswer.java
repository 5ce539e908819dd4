package fr.rdz.intake.inbound.web;

/** Every refusal: {@code {success: false, error: <code>, message: <French text>}}. */
public record ErrorAnswer(boolean success, String error, String message) {

    public static ErrorAnswer of(String code, String message) {
        return new ErrorAnswer(false, code, message);
    }

    /** The same answer, written without a mapper (filters). */
    public String json() {
        return "{\"success\":false,\"error\":\"" + error + "\",\"message\":\"" + message.replace("\"", "'") + "\"}";
    }
}
