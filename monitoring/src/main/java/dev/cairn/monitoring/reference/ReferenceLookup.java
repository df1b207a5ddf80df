package dev.cairn.monitoring.reference;

/** Finds the reference of a model package (by its manifest digest). The seam between monitoring and the store. */
public interface ReferenceLookup {

    /** Never throws: a package that cannot be read gives {@link Reference#none}, and the reason is logged. */
    Reference of(String modelPackage);
}
