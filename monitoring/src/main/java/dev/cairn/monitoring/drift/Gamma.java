package dev.cairn.monitoring.drift;

/**
 * The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), which gives the chi-square survival
 * function: P(χ²_k > x) = Q(k/2, x/2). Written here rather than pulled in with a maths library for one function.
 * For x below a + 1 the power series of P = 1 - Q converges fast; above it, the continued fraction for Q does
 * (evaluated with the modified Lentz method). Both stop at a relative change of 1e-15.
 */
final class Gamma {

    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;
    // Lanczos approximation, g = 7, n = 9: about 15 correct digits for positive arguments.
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    private Gamma() {
    }

    /** ln Γ(a) for a > 0. */
    static double logGamma(double a) {
        if (a < 0.5) {
            // reflection: Γ(a) Γ(1 - a) = π / sin(πa)
            return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
        }
        double z = a - 1;
        double sum = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** Q(a, x) for a > 0, x ≥ 0. */
    static double upperRegularized(double a, double x) {
        if (x <= 0) {
            return 1.0;
        }
        if (Double.isInfinite(x)) {
            return 0.0;
        }
        return x < a + 1 ? 1.0 - lowerSeries(a, x) : upperContinuedFraction(a, x);
    }

    /** P(a, x) = e^-x x^a / Γ(a+1) · Σ x^n / ((a+1)…(a+n)). */
    private static double lowerSeries(double a, double x) {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /** Q(a, x) = e^-x x^a / Γ(a) · 1/(x+1-a- 1·(1-a)/(x+3-a- 2·(2-a)/(x+5-a- …))). */
    private static double upperContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }
}
