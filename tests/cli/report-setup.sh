# The register the report tests share (sourced after lib.sh): as of
# 2026-11-22, quarter 2026Q4 (2026-10-01 to 2026-12-31).
#   1 due: the window opened 2026-10-15, deadline 2027-04-15
#   2 overdue: deadline 2026-10-01; a hostile title and owner
#   3 proposed, reviewed on 2026-11-01 (becomes active), window 2027-11-01
#   4 sunset: 'on 2026-11-22' met on the day; EUR; missed metric
#   5 retired: in no list and no spend
"$MVB" add --title 'Due one' --capability queue --choice build \
    --decided 2025-10-15 --one-time 1000 --monthly 100.50 --ops-fte 0.5 \
    --owner alice >/dev/null
"$MVB" add --title '<script>alert(1)</script> | x' --capability 'x' \
    --choice buy --decided 2025-04-01 --monthly 50 --owner 'a|b*c_' \
    >/dev/null
"$MVB" add --title 'Later' --capability later --choice oss \
    --status proposed --decided 2026-06-01 --ops-fte 1.25 >/dev/null
"$MVB" add --title 'Ends soon' --capability mail --choice buy \
    --decided 2026-01-15 --monthly 10 --currency EUR >/dev/null
"$MVB" add --title 'Gone' --capability old --choice buy --status retired \
    --decided 2024-01-01 --monthly 999 >/dev/null
"$MVB" review 3 --outcome keep --on 2026-11-01 >/dev/null
"$MVB" sunset 4 'on 2026-11-22' >/dev/null
"$MVB" metric 4 delivered '>=' 99 --by 2026-11-21 >/dev/null
