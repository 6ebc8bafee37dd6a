use super::*;

#[test]
fn fragments_and_routes_round_trip() {
    for route in [
        Route::Home,
        Route::Start,
        Route::StartWith { mode: "quick".into(), domain: "web".into() },
        Route::Quiz,
        Route::Results { id: "1a2b-3c".into() },
        Route::History,
        Route::MyData,
        Route::AboutLevels,
        Route::Guidance { id: None },
        Route::Guidance { id: Some("9z".into()) },
        Route::Classroom,
        Route::ClassSession { id: "00ff".into() },
        Route::Join { payload: "eyJ2Ij_-1".into() },
        Route::ResultCode { id: "1a-2b".into() },
        Route::Counselor,
        Route::SendResults { payload: "eyJ2Ij_-2".into() },
    ] {
        assert_eq!(Route::parse(&route.fragment()), route);
    }
    assert_eq!(Route::parse(""), Route::Home);
    assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
    assert_eq!(Route::parse("#/results/"), Route::NotFound);
    assert_eq!(Route::parse("#/results/<script>"), Route::NotFound);
    for bad in ["#/start/quick", "#/start/quick/", "#/start//web", "#/start/quick/web/x", "#/start/q<b>/web"]
    {
        assert_eq!(Route::parse(bad), Route::NotFound, "{bad}");
    }
}

#[test]
fn careers_routes_belong_to_their_own_document() {
    assert_eq!(Route::Guidance { id: None }.document(), Document::Careers);
    for route in [Route::AboutLevels, Route::History, Route::MyData] {
        assert_eq!(route.document(), Document::Careers);
    }
    assert_eq!(Route::Results { id: "a".into() }.document(), Document::Main);
    assert_eq!(Route::Join { payload: "x".into() }.document(), Document::Classroom);
    assert_eq!(Route::parse("#/guidance/<b>"), Route::NotFound);
    // Seen from the main document (natively, as when prerendering index.html).
    assert_eq!(Route::Guidance { id: None }.href(), "careers.html#/guidance");
    assert_eq!(Route::Classroom.href(), "classroom.html#/classroom");
    assert_eq!(Route::Counselor.href(), "counselor.html#/counselor");
    assert_eq!(Route::SendResults { payload: "x".into() }.document(), Document::Counselor);
    assert_eq!(Route::Start.href(), "#/start");
}
