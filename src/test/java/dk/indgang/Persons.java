package dk.indgang;

/**
 * The register stubs' fictitious test persons by name (docs/registers.md, "The stubs"), so a test
 * says whom it is about. Their CPR numbers fail modulus 11 on purpose: no real person has them.
 */
public final class Persons {

    /** P1, single mother of Ida and Oskar, renter at Testvej 12; twelve months of income. */
    public static final String METTE = "1503889984";

    /** P7, an unrelated adult registered at Mette's address. */
    public static final String LONE = "1105829944";

    /** P2, the children's father, joint custody, lives at Skovbrynet 7. */
    public static final String KASPER = "0211859977";

    /** P9, an adult child living at home with her mother Jonna. */
    public static final String FREJA = "0102039994";

    /** P4, name and address protection. */
    public static final String SARA = "2409909966";

    /** P5, emigrated. */
    public static final String HENRIK = "0807779951";

    /** P6, no fixed address. */
    public static final String BO = "2106959991";

    /** P3, deceased. */
    public static final String INGER = "1207419958";

    /** C1 and C2, Mette's and Kasper's children, living with Mette. */
    public static final String IDA = "2006169986";

    public static final String OSKAR = "0309199973";

    private Persons() {}
}
