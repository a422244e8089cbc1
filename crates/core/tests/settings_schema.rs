//! The settings schema is the one statement of the settings: every field of `Settings` has
//! an entry and no entry lacks a field, and the page's copy of it is the core's, byte for
//! byte.

use neuranim_core::settings::schema;
use neuranim_core::Settings;
use std::path::Path;

#[test]
fn every_field_of_the_settings_has_an_entry_and_no_entry_lacks_a_field() {
    let value = serde_json::to_value(Settings::default()).unwrap();
    let mut settings: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut entries: Vec<&str> = schema::fields().iter().map(|f| f.key).collect();
    settings.sort_unstable();
    entries.sort_unstable();
    assert_eq!(entries, settings);
}

#[test]
fn each_default_is_in_its_own_range() {
    let (checked, notices) = Settings::default().checked();
    assert_eq!(checked, Settings::default());
    assert!(notices.is_empty(), "{notices:?}");
}

#[test]
fn the_page_reads_the_cores_schema() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/js/settings-schema.js");
    let module = schema::js_module();
    if std::env::var_os("NEURANIM_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &module).unwrap();
    }
    let page = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        page == module,
        "{} differs from the core's schema: run NEURANIM_WRITE_SCHEMA=1 cargo test -p neuranim-core --test settings_schema",
        path.display()
    );
}
