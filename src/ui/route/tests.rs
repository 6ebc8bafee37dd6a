use super::*;

#[test]
fn fragments_and_routes_round_trip() {
    for route in
        [Route::Home, Route::Start, Route::Quiz, Route::Results { id: "1a2b-3c".into() }, Route::History]
    {
        assert_eq!(Route::parse(&route.href()), route);
    }
    assert_eq!(Route::parse(""), Route::Home);
    assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
    assert_eq!(Route::parse("#/results/"), Route::NotFound);
    assert_eq!(Route::parse("#/results/<script>"), Route::NotFound);
}
