package dev.cairn.deploy;

import java.util.HashMap;
import java.util.Map;

/** Churn customers as a client sends them. */
public final class Customers {

    private Customers() {
    }

    /** The second row of the churn data: a two-year customer on DSL with a one-year contract. */
    public static Map<String, Object> loyal() {
        var row = new HashMap<String, Object>();
        row.put("female", 0);
        row.put("senior_citizen", 0);
        row.put("partner", 0);
        row.put("dependents", 0);
        row.put("tenure", 34);
        row.put("phone_service", 1);
        row.put("multiple_lines", "No");
        row.put("internet_service", "DSL");
        row.put("online_security", "Yes");
        row.put("online_backup", "No");
        row.put("device_protection", "Yes");
        row.put("tech_support", "No");
        row.put("streaming_tv", "No");
        row.put("streaming_movies", "No");
        row.put("contract", "One year");
        row.put("paperless_billing", 0);
        row.put("payment_method", "Mailed check");
        row.put("monthly_charges", 56.95);
        row.put("total_charges", 1889.5);
        return row;
    }
}
