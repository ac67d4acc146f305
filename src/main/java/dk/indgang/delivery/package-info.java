/**
 * The national channels out of Indgang: receipts and letters through Digital Post (SF1601
 * KombiPostAfsend with MeMo; Digital Post or central print as the citizen's registration says) and
 * their delivery receipts back through the Beskedfordeler (SF1461); every case's status and
 * documents in the case index behind Mit Overblik (SF1470). Every message has a stable id, so a
 * retry or a resumed job never reaches the citizen twice (docs/national-services.md).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "definition", "registers", "submission"})
package dk.indgang.delivery;
