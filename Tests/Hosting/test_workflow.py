"""The GitHub Pages workflow cannot run here: parse it and check its steps name the right commands."""
import yaml

from conftest import REPO


def load():
    return yaml.safe_load((REPO / ".github/workflows/pages.yml").read_text())


def steps(workflow, job):
    return workflow["jobs"][job]["steps"]


def test_workflow_runs_on_main_with_pages_permissions():
    workflow = load()
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_build_job_installs_cmark_gfm_builds_sitegen_and_the_hub_with_the_pages_base_url():
    build = steps(load(), "build")
    runs = "\n".join(step.get("run", "") for step in build)
    uses = [step.get("uses", "") for step in build]
    assert "apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev" in runs
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("swift-actions/setup-swift@") for u in uses)
    assert "swift build -c release --product sitegen" in runs
    assert '.build/release/sitegen build --strict --base-url "${{ steps.pages.outputs.base_url }}/"' in runs
    configure = next(step for step in build if step.get("uses", "").startswith("actions/configure-pages@"))
    assert configure["id"] == "pages"
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "public"
    order = [i for i, step in enumerate(build) if "sitegen build" in step.get("run", "") or step is upload]
    assert order == sorted(order) and len(order) == 2


def test_deploy_job_publishes_the_artifact():
    workflow = load()
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])
